import { expect, test } from "@playwright/test";
import { Resend } from "resend";
import { emulatorUrl, newAccount } from "./support";

/** Screenshots of what demo users see, kept in test-results/ for a look after changes. */
test("hosted checkout page", async ({ page }) => {
  const { stripe } = newAccount("look");
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    line_items: [
      { quantity: 1, price_data: { currency: "eur", unit_amount: 4500, product_data: { name: "Judo — monthly membership" } } },
      { quantity: 2, price_data: { currency: "eur", unit_amount: 1250, product_data: { name: "Mat time" } } },
    ],
    success_url: "https://app.example/done",
    cancel_url: "https://app.example/cancel",
  });
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(session.url!);
  await expect(page.getByLabel("Card number")).toBeVisible();
  await page.screenshot({ path: "test-results/emulator-screens/hosted-checkout.png", fullPage: true });
});

test("inbox page", async ({ page }) => {
  const resend = new Resend("re_test_look", { baseUrl: `${emulatorUrl}/resend` });
  const to = `look-${Date.now()}@example.test`;
  await resend.emails.send({
    from: "Dojo Kyoto <noreply@tatami.test>",
    to,
    subject: "Your invoice INV-0042 is ready",
    html: "<h1 style='font-family:sans-serif'>Invoice INV-0042</h1><p style='font-family:sans-serif'>Amount due: €45.00. <a href='https://app.example/pay'>Pay now</a></p>",
    text: "Invoice INV-0042. Amount due: €45.00. Pay now: https://app.example/pay",
  });
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${emulatorUrl}/_inbox?to=${encodeURIComponent(to)}`);
  await expect(page.getByRole("heading", { name: "Your invoice INV-0042 is ready" })).toBeVisible();
  await expect(page.frameLocator('iframe[title="HTML part"]').getByRole("heading", { name: "Invoice INV-0042" })).toBeVisible();
  await page.screenshot({ path: "test-results/emulator-screens/inbox.png", fullPage: true });
});

test("hosted invoice page", async ({ page }) => {
  const { stripe } = newAccount("look_invoice");
  const product = await stripe.products.create({ name: "Judo monthly" });
  const price = await stripe.prices.create({ product: product.id, currency: "eur", unit_amount: 4500, recurring: { interval: "month" } });
  const customer = await stripe.customers.create({ email: "member@example.test", name: "Kenji Sato" });
  // A card that attaches but declines leaves the first invoice open.
  const pm = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_payment_method: pm.id });
  const invoice = await stripe.invoices.retrieve(sub.latest_invoice as string);
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(invoice.hosted_invoice_url!);
  await expect(page.getByLabel("Card number")).toBeVisible();
  await page.screenshot({ path: "test-results/emulator-screens/hosted-invoice.png", fullPage: true });
});

test("embedded checkout demo and the 3-D Secure step", async ({ page }) => {
  const { secretKey } = newAccount("look_embedded");
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${emulatorUrl}/_demo/embedded?key=${secretKey}&amount=4500&currency=eur`);
  const checkout = page.frameLocator('iframe[title="Secure checkout"]');
  await expect(checkout.getByLabel("Card number")).toBeVisible();
  await page.screenshot({ path: "test-results/emulator-screens/embedded-demo.png", fullPage: true });
  await checkout.getByLabel("Email").fill("member@example.test");
  await checkout.getByLabel("Card number").fill("4000 0027 6000 3184");
  await checkout.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await checkout.getByLabel("CVC").fill("123");
  await checkout.getByRole("button", { name: "Pay" }).click();
  await expect(checkout.getByRole("button", { name: "Complete" })).toBeVisible();
  await page.screenshot({ path: "test-results/emulator-screens/embedded-3ds.png", fullPage: true });
});
