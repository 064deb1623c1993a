import { readFileSync } from "node:fs";
import { expect, type FrameLocator, type Page } from "@playwright/test";
import { E2E_SEED_FILE } from "./accounts";

// Steps the staff journeys share: logging in, connecting the Demo Dojo's Stripe, issuing an invoice, paying in Checkout, 3-D Secure.

export async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/dashboard");
}

/** Connects the Demo Dojo's Stripe to the account of `secretKey` through Settings → Stripe, unless it already is. */
export async function ensureStripeConnected(page: Page, secretKey: string) {
  await page.goto("/settings/stripe");
  const connected = page.getByRole("heading", { name: "Stripe is connected" });
  const thisAccount = page.getByText(`sk_test_…${secretKey.slice(-4)}`, { exact: true });
  if ((await connected.isVisible()) && (await thisAccount.isVisible())) return;
  let form = page.locator("main");
  let submit = "Connect Stripe";
  if (await connected.isVisible()) {
    await page.getByRole("button", { name: "Replace keys" }).click();
    form = page.getByRole("dialog");
    submit = "Check and save";
  }
  await form.getByLabel("Publishable key").fill(secretKey.replace(/^sk_/, "pk_"));
  await form.getByLabel("Secret key").fill(secretKey);
  await form.getByRole("button", { name: submit }).click();
  await expect(connected).toBeVisible();
  await expect(thisAccount).toBeVisible();
}

export const memberUid = () => (JSON.parse(readFileSync(E2E_SEED_FILE, "utf8")) as { memberUid: string }).memberUid;

/** Finds a member by UID in the members list and returns their id. */
export async function memberIdOf(page: Page, uid: string): Promise<string> {
  await page.goto(`/members?q=${uid}`);
  // The member's own link (the page also links "Add member" and "Plans").
  const hrefs = await page.locator('main a[href^="/members/"]:visible').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const memberId = hrefs.map((href) => /^\/members\/([0-9a-f-]{36})$/.exec(href)?.[1]).find(Boolean);
  if (!memberId) throw new Error(`No member with UID ${uid} in the list`);
  return memberId;
}

/** A new open invoice for a member, made through the staff UI; returns its page URL and number. */
export async function issueInvoice(page: Page, uid: string, description: string, unitPrice: string) {
  const memberId = await memberIdOf(page, uid);
  await page.goto(`/invoices/new?member=${memberId}`);
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Qty").fill("1");
  await page.getByLabel(/Unit price/).fill(unitPrice);
  await page.getByRole("button", { name: "Create and issue" }).click();
  await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  return { url: page.url(), number: /Invoice (\d{4}-\d+)/.exec(heading ?? "")![1] };
}

export const checkoutFrame = (page: Page) => page.frameLocator('iframe[title="Secure checkout"]');

export async function fillCard(checkout: FrameLocator, card: string) {
  await checkout.getByLabel("Card number").fill(card);
  await checkout.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await checkout.getByLabel("CVC").fill("123");
  await checkout.getByLabel("Cardholder name").fill("Jenny Rosen");
}

/**
 * Stripe's 3-D Secure challenge inside the embedded Checkout: it must be shown (a frame the
 * Content-Security-Policy refuses shows "This content is blocked" instead), fit the screen, and
 * is completed. With `shot`, a screenshot of the page at the challenge is saved there.
 */
export async function completeThreeDSecure(page: Page, checkout: FrameLocator, opts: { shot?: string } = {}) {
  const complete = checkout.getByRole("button", { name: "Complete" });
  await expect(checkout.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await complete.scrollIntoViewIfNeeded();
  const viewport = page.viewportSize()!;
  const box = (await complete.boundingBox())!;
  expect(box.x, "the challenge's Complete button fits the screen").toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, "the challenge's Complete button fits the screen").toBeLessThanOrEqual(viewport.width);
  if (opts.shot) await page.screenshot({ path: opts.shot });
  await complete.click();
}

/** On an open invoice's page: "Pay" → "Pay with Stripe"; returns the embedded Checkout, showing the total. */
export async function openDeskCheckout(page: Page, total: string): Promise<FrameLocator> {
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Pay with Stripe" }).click();
  const checkout = checkoutFrame(page);
  await expect(checkout.getByTestId("checkout-total")).toHaveText(total);
  return checkout;
}

/** The page confirms a card payment at the desk: a toast, and the invoice paid by card. */
export async function expectPaidAtDesk(page: Page) {
  await expect(page.getByText("Payment received", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paid");
}

/** On an open invoice's page: the card in the embedded Checkout, until the page shows it paid. */
export async function payAtDesk(page: Page, card: string, total: string) {
  const checkout = await openDeskCheckout(page, total);
  await fillCard(checkout, card);
  await checkout.getByRole("button", { name: "Pay" }).click();
  await expectPaidAtDesk(page);
}

/** The member's own card link (`/card/<token>`), as staff copy it from the member's page. */
export async function cardLinkOf(page: Page, memberId: string): Promise<string> {
  await page.goto(`/members/${memberId}`);
  await page.getByTestId("member-stripe").getByRole("button", { name: "Copy card link" }).click();
  const url = await page.getByTestId("card-link-url").inputValue();
  expect(url).toMatch(/\/card\/[0-9a-f-]{36}\.[\w-]+$/);
  return url;
}
