import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newSecretKey, startWebhookReceiver, stripeClient } from "../test-support";
import { advanceClock, allEvents, customerWithCard, DAY, JAN_1_2026, monthlyPrice } from "./billing-support";

const FEB_1_2026 = JAN_1_2026 + 31 * DAY;
const MAR_1_2026 = FEB_1_2026 + 28 * DAY;

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

async function subscribedOnClock(shortcut = "pm_card_visa") {
  const key = newSecretKey("clock");
  const stripe = stripeClient(key);
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026, name: "renewals" });
  const price = await monthlyPrice(stripe, 4500);
  const { customer } = await customerWithCard(stripe, shortcut, { clock: clock.id });
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
  expect(sub.status).toBe("active");
  return { key, stripe, clock, price, customer, sub };
}

describe("test clocks", () => {
  it("renews one period: a new paid invoice and its events, delivered signed to the webhook endpoint", async () => {
    const { key, stripe, clock, customer, sub } = await subscribedOnClock();
    const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["invoice.created", "invoice.finalized", "invoice.paid", "customer.subscription.updated"] });

    // Just before the boundary nothing happens; past it (and past the hour Stripe waits before
    // finalizing a renewal draft) the renewal is invoiced and paid.
    await advanceClock(stripe, clock.id, FEB_1_2026 - 60);
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
    const ready = await advanceClock(stripe, clock.id, FEB_1_2026 + 2 * 3600);
    expect(ready).toMatchObject({ status: "ready", frozen_time: FEB_1_2026 + 2 * 3600 });

    const invoices = (await stripe.invoices.list({ subscription: sub.id })).data;
    expect(invoices.map((i) => i.billing_reason)).toEqual(["subscription_cycle", "subscription_create"]);
    const renewal = invoices[0];
    expect(renewal).toMatchObject({ status: "paid", amount_paid: 4500, created: FEB_1_2026, customer: customer.id, test_clock: clock.id });
    expect(renewal.status_transitions.finalized_at).toBe(FEB_1_2026 + 3600);
    expect(renewal.lines.data[0].period).toEqual({ start: FEB_1_2026, end: MAR_1_2026 });

    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed).toMatchObject({ status: "active", latest_invoice: renewal.id });
    expect(renewed.items.data[0]).toMatchObject({ current_period_start: FEB_1_2026, current_period_end: MAR_1_2026 });

    const renewalEvents = (await allEvents(stripe)).filter((e) => e.created >= FEB_1_2026 && e.created <= FEB_1_2026 + 2 * 3600);
    expect(renewalEvents.map((e) => e.type)).toEqual([
      "invoice.created",
      "customer.subscription.updated",
      "payment_intent.created",
      "invoice.finalized",
      "charge.succeeded",
      "payment_intent.succeeded",
      "invoice.paid",
      "invoice.payment_succeeded",
    ]);
    expect(renewalEvents.every((e) => e.request?.id === null)).toBe(true);
    const updated = renewalEvents.find((e) => e.type === "customer.subscription.updated")!;
    expect(updated.data.previous_attributes).toMatchObject({ latest_invoice: sub.latest_invoice });

    const received = await receiver.waitFor((r) => r.some((w) => w.event.type === "invoice.paid" && (w.event.data.object as Stripe.Invoice).id === renewal.id));
    const webhooks = new Stripe(key);
    const mine = received.filter((w) => (w.event.data.object as { customer?: string }).customer === customer.id);
    for (const w of mine) {
      const event = webhooks.webhooks.constructEvent(w.body, w.signature, endpoint.secret!);
      expect(event.id).toBe(w.event.id);
    }
    expect(mine.map((w) => w.event.type)).toEqual(expect.arrayContaining(["invoice.created", "invoice.finalized", "invoice.paid", "customer.subscription.updated"]));
    expect(() => webhooks.webhooks.constructEvent(mine[0].body, mine[0].signature, "whsec_wrong")).toThrow();
  });

  it("a renewal declined by a 0341 card makes the subscription past_due with invoice.payment_failed", async () => {
    const { stripe, clock, customer, sub } = await subscribedOnClock();
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    await stripe.subscriptions.update(sub.id, { default_payment_method: failing.id });

    await advanceClock(stripe, clock.id, FEB_1_2026 + 2 * 3600);
    const renewed = await stripe.subscriptions.retrieve(sub.id, { expand: ["latest_invoice.payments"] });
    expect(renewed.status).toBe("past_due");
    const invoice = renewed.latest_invoice as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "open", attempted: true, attempt_count: 1, amount_paid: 0, billing_reason: "subscription_cycle" });
    const pi = await stripe.paymentIntents.retrieve(invoice.payments!.data[0].payment.payment_intent as string);
    expect(pi).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "card_declined" } });

    const events = await allEvents(stripe);
    expect(events.filter((e) => e.type === "invoice.payment_failed").map((e) => (e.data.object as Stripe.Invoice).id)).toEqual([invoice.id]);
    const pastDue = events.find((e) => e.type === "customer.subscription.updated" && (e.data.object as Stripe.Subscription).status === "past_due");
    expect(pastDue?.data.previous_attributes).toMatchObject({ status: "active" });

    // The member fixes the card: paying the open invoice makes the subscription active again.
    const good = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const paid = await stripe.invoices.pay(invoice.id, { payment_method: good.id });
    expect(paid.status).toBe("paid");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });

  it("a renewal needing authentication (3184) emits invoice.payment_action_required", async () => {
    const { stripe, clock, customer, sub } = await subscribedOnClock();
    const strict = await stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: strict.id } });
    await advanceClock(stripe, clock.id, FEB_1_2026 + 2 * 3600);
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe("past_due");
    const types = (await allEvents(stripe)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["invoice.payment_failed", "invoice.payment_action_required", "payment_intent.requires_action"]));
  });

  it("cancel_at_period_end ends the subscription at the boundary without a renewal invoice", async () => {
    const { stripe, clock, sub } = await subscribedOnClock();
    const scheduled = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect(scheduled).toMatchObject({ status: "active", cancel_at_period_end: true, cancel_at: FEB_1_2026 });

    await advanceClock(stripe, clock.id, FEB_1_2026 + 2 * 3600);
    const ended = await stripe.subscriptions.retrieve(sub.id);
    expect(ended).toMatchObject({ status: "canceled", ended_at: FEB_1_2026 });
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
    const deleted = (await allEvents(stripe)).filter((e) => e.type === "customer.subscription.deleted");
    expect(deleted).toHaveLength(1);
    expect(deleted[0].created).toBe(FEB_1_2026);
  });

  it("bills pending prorations on the next renewal and runs several periods in order", async () => {
    const { stripe, clock, customer, sub } = await subscribedOnClock();
    const premium = await monthlyPrice(stripe, 9000, "Premium");
    await advanceClock(stripe, clock.id, JAN_1_2026 + 10 * DAY);
    await stripe.subscriptions.update(sub.id, { items: [{ id: sub.items.data[0].id, price: premium.id }] });

    await advanceClock(stripe, clock.id, MAR_1_2026 + 2 * 3600);
    const invoices = (await stripe.invoices.list({ customer: customer.id })).data;
    expect(invoices.map((i) => i.created)).toEqual([MAR_1_2026, FEB_1_2026, JAN_1_2026]);
    const february = invoices[1];
    const prorated = Math.round((9000 * 21) / 31) - Math.round((4500 * 21) / 31);
    expect(february).toMatchObject({ status: "paid", total: 9000 + prorated });
    expect(invoices[0]).toMatchObject({ status: "paid", total: 9000 });
  });

  it("credits a downgrade billed at once to the customer's balance and uses it on the next renewal", async () => {
    const { stripe, clock, customer, sub } = await subscribedOnClock();
    const basic = await monthlyPrice(stripe, 1000, "Basic");
    await advanceClock(stripe, clock.id, JAN_1_2026 + 10 * DAY);
    const downgraded = await stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0].id, price: basic.id }],
      proration_behavior: "always_invoice",
    });
    const net = Math.round((1000 * 21) / 31) - Math.round((4500 * 21) / 31);
    const credit = await stripe.invoices.retrieve(downgraded.latest_invoice as string);
    expect(credit).toMatchObject({ total: net, amount_due: 0, status: "paid", starting_balance: 0, ending_balance: net });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: net });

    await advanceClock(stripe, clock.id, FEB_1_2026 + 2 * 3600);
    const renewal = await stripe.invoices.retrieve((await stripe.subscriptions.retrieve(sub.id)).latest_invoice as string);
    expect(renewal).toMatchObject({ total: 1000, starting_balance: net, amount_due: Math.max(0, 1000 + net), status: "paid" });
  });

  it("expires an incomplete subscription whose first invoice stays unpaid for 23 hours", async () => {
    const stripe = stripeClient(newSecretKey("expire"));
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const price = await monthlyPrice(stripe, 4500);
    const { customer } = await customerWithCard(stripe, "pm_card_authenticationRequired", { clock: clock.id });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    expect(sub.status).toBe("incomplete");

    await advanceClock(stripe, clock.id, JAN_1_2026 + 22 * 3600);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("incomplete");
    await advanceClock(stripe, clock.id, JAN_1_2026 + DAY);
    expect(await stripe.subscriptions.retrieve(sub.id)).toMatchObject({ status: "incomplete_expired", ended_at: JAN_1_2026 + 23 * 3600 });
    const invoice = await stripe.invoices.retrieve(sub.latest_invoice as string, { expand: ["payments.data.payment.payment_intent"] });
    expect(invoice.status).toBe("void");
    expect(invoice.payments?.data[0].payment.payment_intent).toMatchObject({ status: "canceled" });
    expect((await allEvents(stripe)).map((e) => e.type)).toContain("invoice.voided");
  });

  it("refuses to go back in time and answers 404 for another account's clock", async () => {
    const { stripe, clock } = await subscribedOnClock();
    await expect(stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_1_2026 - 1 })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "frozen_time",
    });
    const other = stripeClient(newSecretKey("other"));
    await expect(other.testHelpers.testClocks.retrieve(clock.id)).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});
