import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { answerThreeDSecure, newSecretKey, stripeClient } from "../test-support";
import { advanceClock, allEvents, customerWithCard, DAY, JAN_1_2026, monthlyPrice } from "./billing-support";

// https://docs.stripe.com/billing/subscriptions/pending-updates and its reference page.
async function subscribed(card: string) {
  const stripe = stripeClient(newSecretKey("pending"));
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
  const small = await monthlyPrice(stripe, 1000, "Small");
  const big = await monthlyPrice(stripe, 3100, "Big");
  const { customer, paymentMethod } = await customerWithCard(stripe, card, { setUp: true, clock: clock.id });
  const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: small.id }], off_session: true });
  expect(sub.status).toBe("active");
  const at = JAN_1_2026 + 10 * DAY;
  await advanceClock(stripe, clock.id, at);
  const upgrade = (extra: Partial<Stripe.SubscriptionUpdateParams> = {}) =>
    stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0].id, price: big.id }],
      proration_behavior: "always_invoice",
      proration_date: at,
      payment_behavior: "pending_if_incomplete",
      ...extra,
    });
  return { stripe, clock, small, big, customer, paymentMethod, sub, at, upgrade };
}

async function paymentIntentOf(stripe: Stripe, invoiceId: string) {
  const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ["payments.data.payment.payment_intent", "confirmation_secret"] });
  return { invoice, pi: invoice.payments!.data[0].payment.payment_intent as Stripe.PaymentIntent };
}

describe("payment_behavior=pending_if_incomplete", () => {
  it("applies the change at once when the invoice is paid", async () => {
    const { stripe, big, upgrade } = await subscribed("pm_card_visa");
    const updated = await upgrade();
    expect(updated.pending_update).toBeNull();
    expect(updated.items.data[0].price.id).toBe(big.id);
    const { invoice } = await paymentIntentOf(stripe, updated.latest_invoice as string);
    expect(invoice).toMatchObject({ status: "paid", billing_reason: "subscription_update", amount_paid: Math.round((3100 * 21) / 31) - Math.round((1000 * 21) / 31) });
    expect((await allEvents(stripe)).map((e) => e.type)).not.toContain("customer.subscription.pending_update_applied");
  });

  it("3-D Secure: the subscription keeps its price with the change in pending_update until the customer authenticates", async () => {
    const { stripe, small, big, sub, upgrade } = await subscribed("pm_card_authenticationRequiredOnSetup");
    // On-session (the default): the 3155 card asks its holder.
    const updated = await upgrade();
    expect(updated.status).toBe("active");
    expect(updated.items.data[0].price.id).toBe(small.id);
    expect(updated.pending_update).toMatchObject({ expires_at: JAN_1_2026 + 10 * DAY + 23 * 3600, subscription_items: [{ id: sub.items.data[0].id, price: { id: big.id } }] });
    const { invoice, pi } = await paymentIntentOf(stripe, updated.latest_invoice as string);
    expect(invoice.status).toBe("open");
    expect(pi.status).toBe("requires_action");
    expect(invoice.confirmation_secret?.client_secret).toBe(pi.client_secret);

    // Stripe.js (confirmCardPayment) or the hosted invoice page completes the challenge.
    await answerThreeDSecure(pi.id, "complete");
    const after = await stripe.subscriptions.retrieve(sub.id);
    expect(after.pending_update).toBeNull();
    expect(after.items.data[0].price.id).toBe(big.id);
    expect(after.latest_invoice).toBe(invoice.id);
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe("paid");
    const types = (await allEvents(stripe)).map((e) => e.type);
    expect(types).toContain("customer.subscription.pending_update_applied");
  });

  it("a declined payment leaves the subscription as it was (not past_due); a failed challenge too", async () => {
    const { stripe, small, sub, customer, upgrade } = await subscribed("pm_card_visa");
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
    const updated = await upgrade();
    expect(updated).toMatchObject({ status: "active", pending_update: { subscription_items: [expect.anything()] } });
    expect(updated.items.data[0].price.id).toBe(small.id);
    const { pi } = await paymentIntentOf(stripe, updated.latest_invoice as string);
    expect(pi).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "card_declined" } });

    const secure = await subscribed("pm_card_authenticationRequiredOnSetup");
    const waiting = await secure.upgrade();
    const challenged = await paymentIntentOf(secure.stripe, waiting.latest_invoice as string);
    await answerThreeDSecure(challenged.pi.id, "fail");
    const after = await secure.stripe.subscriptions.retrieve(secure.sub.id);
    expect(after.status).toBe("active");
    expect(after.items.data[0].price.id).toBe(secure.small.id);
    expect(after.pending_update).not.toBeNull();
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });

  it("a new pending update replaces the old one, whose invoice is voided; an unpaid one expires after 23 hours", async () => {
    const { stripe, clock, small, sub, upgrade, at } = await subscribed("pm_card_authenticationRequiredOnSetup");
    const first = await upgrade();
    const second = await upgrade();
    expect(second.latest_invoice).not.toBe(first.latest_invoice);
    expect((await stripe.invoices.retrieve(first.latest_invoice as string)).status).toBe("void");
    expect(second.pending_update).not.toBeNull();

    await advanceClock(stripe, clock.id, at + 24 * 3600);
    const expired = await stripe.subscriptions.retrieve(sub.id);
    expect(expired.pending_update).toBeNull();
    expect(expired.items.data[0].price.id).toBe(small.id);
    expect((await stripe.invoices.retrieve(second.latest_invoice as string)).status).toBe("void");
    expect((await allEvents(stripe)).map((e) => e.type)).toContain("customer.subscription.pending_update_expired");
  });

  it("refuses what a pending update cannot carry, and refuses it on create", async () => {
    const { stripe, price, customer } = await (async () => {
      const s = await subscribed("pm_card_visa");
      return { stripe: s.stripe, price: s.small, customer: s.customer };
    })();
    const { upgrade } = await subscribed("pm_card_visa");
    await expect(upgrade({ metadata: { note: "x" } })).rejects.toMatchObject({ statusCode: 400, param: "metadata", message: expect.stringContaining("cannot be used with payment_behavior=pending_if_incomplete") });
    await expect(upgrade({ cancel_at_period_end: true })).rejects.toMatchObject({ param: "cancel_at_period_end" });
    await expect(stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], payment_behavior: "pending_if_incomplete" })).rejects.toMatchObject({
      statusCode: 400,
      param: "payment_behavior",
    });
  });
});
