import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectPaidInPortal, memberLogIn, openCardLinkCheckout, openPortalCheckout } from "./member";
import { cardLinkOf, completeThreeDSecure, ensureStripeConnected, expectPaidAtDesk, fillCard, issueInvoice, logIn, memberIdOf, openDeskCheckout } from "./staff";

// The 3-D Secure journeys, in the three places a card is entered: at the desk, in the members
// area and on the card link. One set of steps, run by e2e/three-d-secure.spec.ts against the
// production build and by e2e/demo/ against `npm run dev` as a user starts it.

/** 4000 0025 0000 3155: the bank asks for 3-D Secure on-session (emulator/README.md). */
export const CARD_3DS = "4000 0025 0000 3155";
export const PHONE = { width: 390, height: 844 };

export interface ThreeDSecureDojo {
  owner: { email: string; password: string };
  /** A member with a password for the members area. */
  member: { uid: string; password: string };
  /** The key pair the owner connects with when Stripe is not connected yet. */
  secretKey: string;
  /** Where the screenshots of each challenge go. */
  shots: string;
}

/** Defines the three journeys; `dojo` is read when a test runs (the demo's logins exist only once it started). */
export function threeDSecureJourneys(dojo: () => ThreeDSecureDojo) {
  test.describe.configure({ mode: "serial" });

  // What the browser refused under the Content-Security-Policy: a frame it blocks shows "This
  // content is blocked" and the journey stops, so name the cause even when the test failed.
  let refused: string[] = [];
  const watch = (page: Page) => page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  test.beforeEach(({ page }) => {
    refused = [];
    watch(page);
  });
  /** A member's phone: a browser context of its own. */
  const phone = async (browser: Browser) => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    watch(page);
    return page;
  };
  test.afterEach(() => {
    expect(refused, "requests refused by the Content-Security-Policy").toEqual([]);
  });

  test("at the desk: staff pay an invoice by card with 3155 and complete 3-D Secure", async ({ page }) => {
    const { owner, member, secretKey, shots } = dojo();
    await logIn(page, owner);
    await ensureStripeConnected(page, secretKey);
    await issueInvoice(page, member.uid, "3-D Secure at the desk", "21.00");
    await page.setViewportSize(PHONE);
    const checkout = await openDeskCheckout(page, "€21.00");
    await fillCard(checkout, CARD_3DS);
    await checkout.getByRole("button", { name: "Pay" }).click();
    await completeThreeDSecure(page, checkout, { shot: `${shots}/desk-challenge-390.png` });
    await expectPaidAtDesk(page);
  });

  test("in the members area: the member pays their own invoice with 3155 and completes 3-D Secure", async ({ page, browser }) => {
    const { owner, member, secretKey, shots } = dojo();
    await logIn(page, owner);
    await ensureStripeConnected(page, secretKey);
    const invoice = await issueInvoice(page, member.uid, "3-D Secure in the members area", "34.00");

    const memberPage = await phone(browser);
    await memberLogIn(memberPage, member);
    const checkout = await openPortalCheckout(memberPage, invoice.url, "€34.00");
    await fillCard(checkout, CARD_3DS);
    await checkout.getByRole("button", { name: "Pay" }).click();
    await completeThreeDSecure(memberPage, checkout, { shot: `${shots}/portal-challenge-390.png` });
    await expectPaidInPortal(memberPage);
    await memberPage.context().close();
  });

  test("on the card link: the member saves a card with 3155 and completes 3-D Secure", async ({ page, browser }) => {
    const { owner, member, secretKey, shots } = dojo();
    await logIn(page, owner);
    await ensureStripeConnected(page, secretKey);
    const memberId = await memberIdOf(page, member.uid);
    const url = await cardLinkOf(page, memberId);

    // The member opens the link on their phone, without logging in.
    const memberPage = await phone(browser);
    const checkout = await openCardLinkCheckout(memberPage, url);
    await fillCard(checkout, CARD_3DS);
    await checkout.getByRole("button", { name: "Save card" }).click();
    await completeThreeDSecure(memberPage, checkout, { shot: `${shots}/card-link-challenge-390.png` });
    await expect(memberPage.getByText("Your card is saved.")).toBeVisible();
    await memberPage.context().close();

    await page.reload();
    await expect(page.getByTestId("saved-card").filter({ hasText: "•••• 3155" })).toBeVisible();
  });

  // The card saved on the card link above (3155) is the member's saved card from here on.
  test("in the members area: the member pays with their saved card, confirms once and completes 3-D Secure", async ({ page, browser }) => {
    const { owner, member, secretKey, shots } = dojo();
    await logIn(page, owner);
    await ensureStripeConnected(page, secretKey);
    const invoice = await issueInvoice(page, member.uid, "Saved card in the members area", "26.00");

    const memberPage = await phone(browser);
    await memberLogIn(memberPage, member);
    await memberPage.goto(invoice.url.replace(/\/invoices\//, "/portal/invoices/"));
    await memberPage.getByRole("button", { name: "Pay with my saved card" }).click();
    const confirm = memberPage.getByRole("alertdialog");
    await expect(confirm.getByRole("heading", { name: "Pay €26.00 with your saved card?" })).toBeVisible();
    await expect(confirm).toContainText("Visa •••• 3155 is charged €26.00");
    await memberPage.screenshot({ path: `${shots}/portal-saved-card-confirm-390.png` });
    await confirm.getByRole("button", { name: "Pay €26.00" }).click();
    // The bank's challenge comes over the page once the confirmation has closed.
    await completeThreeDSecure(memberPage, memberPage.frameLocator('iframe[title="3D Secure authentication"]'), { shot: `${shots}/portal-saved-card-challenge-390.png` });
    await expectPaidInPortal(memberPage);
    await memberPage.screenshot({ path: `${shots}/portal-saved-card-paid-390.png`, fullPage: true });
    await memberPage.context().close();
  });

  test("at the desk: Charge saved card asks first (amount and card), then the card holder completes 3-D Secure", async ({ page }) => {
    const { owner, member, secretKey, shots } = dojo();
    await logIn(page, owner);
    await ensureStripeConnected(page, secretKey);
    await issueInvoice(page, member.uid, "Saved card at the desk", "19.00");
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Charge saved card (Visa •••• 3155)" }).click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm.getByRole("heading", { name: "Charge €19.00 to Visa •••• 3155?" })).toBeVisible();
    await page.screenshot({ path: `${shots}/desk-saved-card-confirm-1280.png` });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${shots}/desk-saved-card-confirm-390.png` });
    // Cancel charges nothing.
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
    await page.getByRole("dialog").getByRole("button", { name: "Charge saved card (Visa •••• 3155)" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Charge €19.00" }).click();
    await completeThreeDSecure(page, page.frameLocator('iframe[title="3D Secure authentication"]'), { shot: `${shots}/desk-saved-card-challenge-390.png` });
    await expectPaidAtDesk(page);
  });
}
