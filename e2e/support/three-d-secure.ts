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
}
