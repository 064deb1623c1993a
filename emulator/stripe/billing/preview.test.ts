import { describe, expect, it } from "vitest";
import { newSecretKey, stripeClient } from "../test-support";
import { allEvents, customerWithCard, DAY, JAN_1_2026, monthlyPrice } from "./billing-support";

function setup() {
  return stripeClient(newSecretKey("preview"));
}

async function subscribed(shortcut: string) {
  const stripe = setup();
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
  const pro = await monthlyPrice(stripe, 2900, "Pro");
  const ultimate = await monthlyPrice(stripe, 5900, "Ultimate");
  const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: pro.id }] });
  if (shortcut !== "pm_card_visa") {
    const pm = await stripe.paymentMethods.attach(shortcut, { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  }
  return { stripe, pro, ultimate, customer, sub, item: sub.items.data[0] };
}

describe("invoices.createPreview and error_if_incomplete updates", () => {
  it("previews the prorated charge of a change, and the update then bills exactly that", async () => {
    const { stripe, ultimate, customer, sub, item } = await subscribed("pm_card_visa");
    const prorationDate = JAN_1_2026 + 10 * DAY;
    const details = { items: [{ id: item.id, price: ultimate.id }], proration_behavior: "always_invoice" as const, proration_date: prorationDate };
    const preview = await stripe.invoices.createPreview({ customer: customer.id, subscription: sub.id, subscription_details: details });
    const expected = Math.round((5900 * 21) / 31) - Math.round((2900 * 21) / 31);
    expect(preview).toMatchObject({ amount_due: expected, total: expected, billing_reason: "subscription_update", currency: "eur" });
    expect(preview.lines.data.map((l) => l.amount)).toEqual([-Math.round((2900 * 21) / 31), Math.round((5900 * 21) / 31)]);
    // A preview changes nothing.
    expect((await stripe.subscriptions.retrieve(sub.id)).items.data[0].price.id).not.toBe(ultimate.id);
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data).toEqual([]);

    const updated = await stripe.subscriptions.update(sub.id, { ...details, payment_behavior: "error_if_incomplete" });
    const invoice = await stripe.invoices.retrieve(updated.latest_invoice as string);
    expect(invoice).toMatchObject({ status: "paid", amount_paid: expected });
    expect(updated.items.data[0].price.id).toBe(ultimate.id);
    expect((await allEvents(stripe)).filter((e) => e.type === "customer.subscription.updated")).toHaveLength(1);

    // Without always_invoice the preview is the next renewal: the new price for a whole period.
    const renewal = await stripe.invoices.createPreview({ subscription: sub.id });
    expect(renewal).toMatchObject({ amount_due: 5900, billing_reason: "upcoming", period_end: JAN_1_2026 + 31 * DAY });
  });

  it("error_if_incomplete leaves the subscription unchanged when the proration invoice is declined", async () => {
    const { stripe, ultimate, customer, sub, item } = await subscribed("pm_card_chargeCustomerFail");
    await expect(
      stripe.subscriptions.update(sub.id, {
        items: [{ id: item.id, price: ultimate.id }],
        proration_behavior: "always_invoice",
        proration_date: JAN_1_2026 + 5 * DAY,
        payment_behavior: "error_if_incomplete",
      }),
    ).rejects.toMatchObject({ type: "StripeCardError", code: "card_declined" });
    const after = await stripe.subscriptions.retrieve(sub.id);
    expect(after.items.data[0].price.id).toBe(item.price.id);
    expect(after.latest_invoice).toBe(sub.latest_invoice);
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data).toEqual([]);
    const invoices = await stripe.invoices.list({ customer: customer.id });
    expect(invoices.data.map((i) => i.status)).toEqual(["void", "paid"]);
    expect(after.status).toBe("active");
  });

  it("refuses a proration date outside the current period", async () => {
    const { stripe, ultimate, sub, item } = await subscribed("pm_card_visa");
    await expect(
      stripe.invoices.createPreview({ subscription: sub.id, subscription_details: { items: [{ id: item.id, price: ultimate.id }], proration_date: JAN_1_2026 - DAY } }),
    ).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "proration_date" });
  });
});
