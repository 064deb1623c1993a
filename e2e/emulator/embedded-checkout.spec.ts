import { expect, test, type Page } from "@playwright/test";
import { emulatorPublicUrl, emulatorUrl, fillCard, newAccount } from "./support";

/**
 * Embedded Checkout through the Stripe.js stand-in: the demo host page loads /v3, then the real
 * @stripe/stripe-js `loadStripe`, and mounts the emulator's checkout page in an iframe.
 */
async function openDemo(page: Page, label: string) {
  const account = newAccount(label);
  await page.goto(`${emulatorUrl}/_demo/embedded?key=${account.secretKey}&amount=2500&currency=eur`);
  const sessionId = (await page.getByTestId("session-id").textContent())!;
  const checkout = page.frameLocator('iframe[title="Secure checkout"]');
  await expect(checkout.getByTestId("checkout-total")).toHaveText("€25.00");
  return { ...account, sessionId, checkout };
}

test("4242 pays and onComplete fires", async ({ page }) => {
  const { stripe, sessionId, checkout } = await openDemo(page, "embedded_ok");
  await fillCard(checkout, "4242 4242 4242 4242", { email: "member@example.test" });
  await checkout.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("status")).toHaveText("Payment complete");
  await expect(page.locator('iframe[title="Secure checkout"]')).toHaveCount(0);
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent"] });
  expect(session).toMatchObject({ status: "complete", payment_status: "paid", customer_details: { email: "member@example.test" } });
});

test("4000002500003155 pays once 3-D Secure is completed", async ({ page }) => {
  const { stripe, sessionId, checkout } = await openDemo(page, "embedded_3ds");
  await fillCard(checkout, "4000 0025 0000 3155", { email: "sca@example.test" });
  await checkout.getByRole("button", { name: "Pay" }).click();
  await expect(checkout.getByRole("heading", { name: "Confirm it's you" })).toBeVisible();
  await checkout.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByRole("status")).toHaveText("Payment complete");
  expect((await stripe.checkout.sessions.retrieve(sessionId)).payment_status).toBe("paid");
});

test("4000002500003155 with 3-D Secure failed shows an error and does not pay", async ({ page }) => {
  const { stripe, sessionId, checkout } = await openDemo(page, "embedded_3ds_fail");
  await fillCard(checkout, "4000 0025 0000 3155", { email: "sca@example.test" });
  await checkout.getByRole("button", { name: "Pay" }).click();
  await checkout.getByRole("button", { name: "Fail" }).click();
  await expect(checkout.getByTestId("checkout-error")).toContainText("We are unable to authenticate your payment method");
  await expect(page.locator("#status")).toBeEmpty();
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["payment_intent"] });
  expect(session).toMatchObject({ status: "open", payment_status: "unpaid" });
  expect(session.payment_intent).toMatchObject({ status: "requires_payment_method" });
});

test("4000000000009995 shows the insufficient funds decline", async ({ page }) => {
  const { stripe, sessionId, checkout } = await openDemo(page, "embedded_decline");
  await fillCard(checkout, "4000 0000 0000 9995", { email: "poor@example.test" });
  await checkout.getByRole("button", { name: "Pay" }).click();
  await expect(checkout.getByTestId("checkout-error")).toHaveText("Your card has insufficient funds.");
  expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe("open");

  // The same session can still be paid with another card.
  await fillCard(checkout, "4242 4242 4242 4242");
  await checkout.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByRole("status")).toHaveText("Payment complete");
});

test("without onComplete the page is sent to the session's return_url", async ({ page }) => {
  const { secretKey, stripe } = newAccount("embedded_redirect");
  await page.goto(`${emulatorUrl}/_demo/embedded?key=${secretKey}&amount=1200&currency=eur&redirect=1`);
  const sessionId = (await page.getByTestId("session-id").textContent())!;
  const checkout = page.frameLocator('iframe[title="Secure checkout"]');
  await fillCard(checkout, "4242 4242 4242 4242", { email: "member@example.test" });
  await checkout.getByRole("button", { name: "Pay" }).click();
  // The session's return_url is on the emulator's public URL, another host name than the page's.
  await expect(page).toHaveURL(`${emulatorPublicUrl}/_demo/complete?session_id=${sessionId}`);
  await expect(page.getByRole("heading", { name: "Returned from Checkout" })).toBeVisible();
  expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe("complete");
});
