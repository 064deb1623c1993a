import { expect, type FrameLocator, type Page } from "@playwright/test";

// Steps shared by the journeys that pay or save cards against the emulator.
// (card-payments.spec.ts still has its own copies; it can switch to these.)

export async function logInStaff(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/dashboard");
}

/** Connects the Demo Dojo's Stripe through Settings → Stripe unless another spec already did. */
export async function ensureStripeConnected(page: Page, secretKey: string) {
  await page.goto("/settings/stripe");
  if (await page.getByRole("heading", { name: "Stripe is connected" }).isVisible()) return;
  await page.getByLabel("Publishable key").fill(secretKey.replace(/^sk_/, "pk_"));
  await page.getByLabel("Secret key").fill(secretKey);
  await page.getByRole("button", { name: "Connect Stripe" }).click();
  await expect(page.getByRole("heading", { name: "Stripe is connected" })).toBeVisible();
}

/** The emulator's embedded Checkout, inside our page. */
export const checkoutFrame = (page: Page) => page.frameLocator('iframe[title="Secure checkout"]');

export async function fillCard(checkout: FrameLocator, card: string) {
  await checkout.getByLabel("Card number").fill(card);
  await checkout.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await checkout.getByLabel("CVC").fill("123");
  await checkout.getByLabel("Cardholder name").fill("Jenny Rosen");
}
