import { expect, test } from "@playwright/test";
import type Stripe from "stripe";
import { fillCard, newAccount } from "./support";

/** An open subscription invoice, as a failed or unauthenticated first payment leaves it. */
async function openInvoice(label: string, card: string) {
  const { stripe } = newAccount(label);
  const product = await stripe.products.create({ name: "Judo monthly" });
  const price = await stripe.prices.create({ product: product.id, currency: "eur", unit_amount: 4500, recurring: { interval: "month" } });
  const customer = await stripe.customers.create({ email: "member@example.test" });
  const pm = await stripe.paymentMethods.attach(card, { customer: customer.id });
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], default_payment_method: pm.id });
  const invoice = await stripe.invoices.retrieve(sub.latest_invoice as string);
  expect(invoice.status).toBe("open");
  return { stripe, sub, invoice: invoice as Stripe.Invoice & { hosted_invoice_url: string } };
}

test("pays an open invoice with a new card", async ({ page }) => {
  const { stripe, sub, invoice } = await openInvoice("invoice_pay", "pm_card_chargeCustomerFail");
  await page.goto(invoice.hosted_invoice_url);
  await expect(page.getByTestId("invoice-amount")).toHaveText("€45.00");
  await fillCard(page, "4000 0000 0000 0002");
  await page.getByRole("button", { name: "Pay €45.00" }).click();
  await expect(page.getByTestId("invoice-error")).toHaveText("Your card was declined.");

  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay €45.00" }).click();
  await expect(page.getByRole("heading", { name: "Invoice paid" })).toBeVisible();
  expect((await stripe.invoices.retrieve(invoice.id)).status).toBe("paid");
  expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
});

test("authenticates a payment the bank wants confirmed", async ({ page }) => {
  const { stripe, invoice } = await openInvoice("invoice_3ds", "pm_card_authenticationRequired");
  await page.goto(invoice.hosted_invoice_url);
  await page.getByRole("button", { name: "Authenticate payment" }).click();
  await page.getByRole("button", { name: "Complete" }).click();
  await expect(page.getByRole("heading", { name: "Invoice paid" })).toBeVisible();
  expect((await stripe.invoices.retrieve(invoice.id)).status).toBe("paid");
});
