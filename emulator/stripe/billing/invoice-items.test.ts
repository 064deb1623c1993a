import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { newSecretKey, stripeClient } from "../test-support";
import { advanceClock, customerWithCard, DAY, JAN_1_2026, monthlyPrice } from "./billing-support";

async function onClock(opts: { trialDays?: number } = {}) {
  const stripe = stripeClient(newSecretKey("invoiceitems"));
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
  const price = await monthlyPrice(stripe, 4500);
  const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], ...(opts.trialDays ? { trial_period_days: opts.trialDays } : {}) });
  return { stripe, clock, price, customer, sub };
}

const invoicesOf = async (stripe: Stripe, sub: Stripe.Subscription) => (await stripe.invoices.list({ subscription: sub.id })).data.reverse();
const FEB_1 = JAN_1_2026 + 31 * DAY;

async function refusal(p: Promise<unknown>): Promise<{ statusCode?: number; param?: string; code?: string; message: string }> {
  try {
    await p;
  } catch (error) {
    return error as { statusCode?: number; param?: string; code?: string; message: string };
  }
  throw new Error("expected a refusal");
}

describe("invoice items (POST/GET/DELETE /v1/invoiceitems)", () => {
  it("a pending item on a subscription joins its next renewal as its own line, with its description", async () => {
    const { stripe, clock, customer, sub } = await onClock();
    const item = await stripe.invoiceItems.create({ customer: customer.id, subscription: sub.id, amount: 2500, currency: "eur", description: "Grading fee" });
    expect(item).toMatchObject({ object: "invoiceitem", amount: 2500, currency: "eur", invoice: null, description: "Grading fee", proration: false });
    expect(item.parent?.subscription_details?.subscription).toBe(sub.id);
    expect((await stripe.invoiceItems.retrieve(item.id)).id).toBe(item.id);
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data.map((i) => i.id)).toEqual([item.id]);

    await advanceClock(stripe, clock.id, FEB_1 + 2 * 3600);
    const renewal = (await invoicesOf(stripe, sub)).at(-1)!;
    expect(renewal).toMatchObject({ billing_reason: "subscription_cycle", status: "paid", amount_paid: 4500 + 2500 });
    const lines = (await stripe.invoices.listLineItems(renewal.id)).data;
    expect(lines.map((l) => [l.description, l.amount])).toContainEqual(["Grading fee", 2500]);
    expect(lines.find((l) => l.amount === 2500)!.parent).toMatchObject({ type: "invoice_item_details", invoice_item_details: { invoice_item: item.id, subscription: sub.id } });
    expect((await stripe.invoiceItems.retrieve(item.id)).invoice).toBe(renewal.id);
  });

  it("on a trialing subscription the item waits for the first invoice after the trial; add_invoice_items lands on the zero trial invoice and is charged at once", async () => {
    const { stripe, clock, customer, sub, price } = await onClock({ trialDays: 30 });
    await stripe.invoiceItems.create({ customer: customer.id, subscription: sub.id, amount: 3000, currency: "eur", description: "Sign-up fee" });
    const [trialInvoice] = await invoicesOf(stripe, sub);
    expect(trialInvoice.amount_due).toBe(0);
    await advanceClock(stripe, clock.id, JAN_1_2026 + 30 * DAY + 2 * 3600);
    const first = (await invoicesOf(stripe, sub)).at(-1)!;
    expect(first).toMatchObject({ status: "paid", amount_paid: 4500 + 3000 });

    const product = typeof price.product === "string" ? price.product : price.product.id;
    const withAdd = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      trial_period_days: 30,
      add_invoice_items: [{ price_data: { currency: "eur", product, unit_amount: 3000 } }],
    });
    const [firstOfAdd] = await invoicesOf(stripe, withAdd);
    expect(firstOfAdd).toMatchObject({ billing_reason: "subscription_create", amount_paid: 3000, status: "paid" });
  });

  it("refuses as Stripe does: unknown customer or subscription 404, another customer's subscription, another currency, no amount, an ended subscription", async () => {
    const { stripe, customer, sub } = await onClock();
    expect(await refusal(stripe.invoiceItems.create({ customer: "cus_nope", amount: 100, currency: "eur" }))).toMatchObject({ statusCode: 404, param: "customer", code: "resource_missing" });
    expect(await refusal(stripe.invoiceItems.create({ customer: customer.id, subscription: "sub_nope", amount: 100, currency: "eur" }))).toMatchObject({
      statusCode: 404,
      param: "subscription",
    });
    const other = await stripe.customers.create({});
    expect(await refusal(stripe.invoiceItems.create({ customer: other.id, subscription: sub.id, amount: 100, currency: "eur" }))).toMatchObject({ statusCode: 400, param: "subscription" });
    expect(await refusal(stripe.invoiceItems.create({ customer: customer.id, subscription: sub.id, amount: 100, currency: "usd" }))).toMatchObject({ statusCode: 400, param: "currency" });
    expect(await refusal(stripe.invoiceItems.create({ customer: customer.id, subscription: sub.id, currency: "eur" }))).toMatchObject({ statusCode: 400, code: "parameter_missing" });
    expect(await refusal(stripe.invoiceItems.create({ customer: customer.id, subscription: sub.id, amount: 10.5 as number, currency: "eur" }))).toMatchObject({
      statusCode: 400,
      code: "parameter_invalid_integer",
    });
    await stripe.subscriptions.cancel(sub.id);
    expect(await refusal(stripe.invoiceItems.create({ customer: customer.id, subscription: sub.id, amount: 100, currency: "eur" }))).toMatchObject({ statusCode: 400, param: "subscription" });
  });

  it("add_invoice_items: currency must match the subscription's, price_data's product must exist", async () => {
    const { stripe, customer, price } = await onClock();
    const product = typeof price.product === "string" ? price.product : price.product.id;
    const eur = refusal(stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], add_invoice_items: [{ price_data: { currency: "usd", product, unit_amount: 100 } }] }));
    expect(await eur).toMatchObject({ statusCode: 400, param: "add_invoice_items[0][price_data][currency]" });
    const missing = refusal(stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], add_invoice_items: [{ price_data: { currency: "eur", product: "prod_nope", unit_amount: 100 } }] }));
    expect(await missing).toMatchObject({ statusCode: 404, param: "add_invoice_items[0][price_data][product]" });
  });

  it("a pending item can be deleted (then it is gone); one on a finalized invoice cannot", async () => {
    const { stripe, clock, customer, sub } = await onClock();
    const removed = await stripe.invoiceItems.create({ customer: customer.id, subscription: sub.id, amount: 700, currency: "eur" });
    expect(await stripe.invoiceItems.del(removed.id)).toEqual({ id: removed.id, object: "invoiceitem", deleted: true });
    expect(await refusal(stripe.invoiceItems.retrieve(removed.id))).toMatchObject({ statusCode: 404 });

    const kept = await stripe.invoiceItems.create({ customer: customer.id, subscription: sub.id, amount: 900, currency: "eur" });
    await advanceClock(stripe, clock.id, FEB_1 + 2 * 3600);
    expect(await refusal(stripe.invoiceItems.del(kept.id))).toMatchObject({ statusCode: 400, code: "invoice_not_editable" });
    expect((await invoicesOf(stripe, sub)).at(-1)!.amount_paid).toBe(4500 + 900);
  });
});
