import { expect, type FrameLocator, type Page } from "@playwright/test";
import { checkoutFrame } from "./staff";

// Steps of a member in the members area (/portal) and on their card link (/card/<token>).

export async function memberLogIn(page: Page, member: { uid: string; password: string }) {
  await page.goto("/portal/login");
  await page.getByLabel("Member UID").fill(member.uid);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/portal");
}

/**
 * The button that opens the embedded Checkout on the member's invoice page: "Pay with credit card"
 * (or, next to a card saved by an earlier journey, "Pay with another card"); when the dojo also
 * takes SEPA, iDEAL or Bancontact, "Pay online" (or "Pay another way"). Which one depends on the
 * journeys that ran before (pay-label.ts).
 */
export const NEW_CARD_BUTTON = /^Pay (with (credit|another) card|online|another way)$/;

export async function openPortalCheckout(page: Page, staffInvoiceUrl: string, total: string): Promise<FrameLocator> {
  await page.goto(staffInvoiceUrl.replace(/\/invoices\//, "/portal/invoices/"));
  await page.getByRole("button", { name: NEW_CARD_BUTTON }).click();
  const checkout = checkoutFrame(page);
  await expect(checkout.getByTestId("checkout-total")).toHaveText(total);
  return checkout;
}

export async function expectPaidInPortal(page: Page) {
  await expect(page.getByText("Thank you, your payment was received", { exact: true })).toBeVisible();
  await expect(page.getByText(/Paid .* · Card/)).toBeVisible();
}

/** A card link page: "Add card" opens the embedded Checkout in setup mode. */
export async function openCardLinkCheckout(page: Page, url: string, firstName?: string): Promise<FrameLocator> {
  await page.goto(url);
  await expect(page.getByRole("heading", { name: firstName ? `Hi ${firstName}` : /^Hi / })).toBeVisible();
  await page.getByRole("button", { name: "Add card" }).click();
  return checkoutFrame(page);
}
