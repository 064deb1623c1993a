import { expect, test } from "@playwright/test";
import { emulatorUrl, newAccount } from "./support";

/**
 * confirmCardPayment with a saved card that needs 3-D Secure (the app's "charge saved card"):
 * Stripe.js opens the challenge in a modal and resolves with the PaymentIntent or an error.
 */
async function pendingPayment(label: string) {
  const { stripe, publishableKey } = newAccount(label);
  const customer = await stripe.customers.create({});
  const pm = await stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer: customer.id });
  const pi = await stripe.paymentIntents.create({ amount: 3000, currency: "eur", customer: customer.id, payment_method: pm.id, confirm: true });
  expect(pi.status).toBe("requires_action");
  return { stripe, publishableKey, pi };
}

test("resolves with the succeeded PaymentIntent once the challenge is completed", async ({ page }) => {
  const { stripe, publishableKey, pi } = await pendingPayment("js_ok");
  await page.goto(`${emulatorUrl}/_demo/authenticate?pk=${publishableKey}&client_secret=${pi.client_secret}`);
  await page.getByRole("button", { name: "Confirm payment" }).click();
  const modal = page.frameLocator('iframe[title="3D Secure authentication"]');
  await modal.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByRole("status")).toHaveText("Status: succeeded");
  await expect(page.locator('iframe[title="3D Secure authentication"]')).toHaveCount(0);
  expect(JSON.parse((await page.getByTestId("result").textContent())!)).toMatchObject({ paymentIntent: { id: pi.id, status: "succeeded" } });
  expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
});

test("resolves with an error when the challenge fails", async ({ page }) => {
  const { stripe, publishableKey, pi } = await pendingPayment("js_fail");
  await page.goto(`${emulatorUrl}/_demo/authenticate?pk=${publishableKey}&client_secret=${pi.client_secret}`);
  await page.getByRole("button", { name: "Confirm payment" }).click();
  await page.frameLocator('iframe[title="3D Secure authentication"]').getByRole("button", { name: "Fail" }).click();
  await expect(page.getByRole("status")).toContainText("Error:");
  expect(JSON.parse((await page.getByTestId("result").textContent())!)).toMatchObject({
    error: { code: "payment_intent_authentication_failure", payment_intent: { id: pi.id, status: "requires_payment_method" } },
  });
  expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_payment_method");
});
