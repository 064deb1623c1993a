import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { answerThreeDSecure, newSecretKey, stripeClient, submitCheckoutForm } from "../test-support";
import { advanceClock, allEvents, customerWithCard, DAY, JAN_1_2026, monthlyPrice } from "./billing-support";

function setup() {
  return stripeClient(newSecretKey("billing"));
}

async function expandedInvoice(stripe: Stripe, id: string) {
  const invoice = await stripe.invoices.retrieve(id, { expand: ["payments.data.payment.payment_intent", "confirmation_secret"] });
  const pi = invoice.payments?.data[0]?.payment.payment_intent as Stripe.PaymentIntent | undefined;
  return { invoice, pi };
}

describe("subscriptions", () => {
  it("creates an active subscription whose first invoice is paid with the default card", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 4500);
    const { customer, paymentMethod } = await customerWithCard(stripe, "pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], metadata: { member: "m_1" }, expand: ["latest_invoice"] });

    expect(sub.status).toBe("active");
    expect(sub.metadata).toEqual({ member: "m_1" });
    expect(sub.items.data[0]).toMatchObject({ object: "subscription_item", price: { id: price.id }, quantity: 1 });
    const { current_period_start: start, current_period_end: end } = sub.items.data[0];
    expect(end - start).toBeGreaterThanOrEqual(28 * DAY);

    const latest = sub.latest_invoice as Stripe.Invoice;
    expect(latest).toMatchObject({ status: "paid", billing_reason: "subscription_create", amount_due: 4500, amount_paid: 4500, currency: "eur" });
    expect(latest.parent?.subscription_details?.subscription).toBe(sub.id);
    expect(latest.hosted_invoice_url).toMatch(new RegExp(`/i/${latest.id}$`));
    expect(latest.lines.data).toEqual([
      expect.objectContaining({ amount: 4500, description: "1 × Judo monthly (at €45.00 / month)", period: { start, end } }),
    ]);

    const { invoice, pi } = await expandedInvoice(stripe, latest.id);
    expect(invoice.payments?.data[0]).toMatchObject({ object: "invoice_payment", status: "paid", amount_paid: 4500 });
    expect(pi).toMatchObject({ status: "succeeded", amount: 4500, customer: customer.id, payment_method: paymentMethod });

    const types = (await allEvents(stripe)).map((e) => e.type);
    for (const type of ["invoice.created", "invoice.finalized", "payment_intent.succeeded", "invoice.paid", "customer.subscription.created"]) {
      expect(types).toContain(type);
    }
    expect(types).not.toContain("invoice.payment_failed");

    const listed = await stripe.subscriptions.list({ customer: customer.id, price: price.id });
    expect(listed.data.map((s) => s.id)).toEqual([sub.id]);
    expect((await stripe.invoices.list({ subscription: sub.id, status: "paid" })).data.map((i) => i.id)).toEqual([latest.id]);
  });

  it("replays a create with the same Idempotency-Key instead of subscribing twice", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 2000);
    const { customer } = await customerWithCard(stripe, "pm_card_visa");
    const params = { customer: customer.id, items: [{ price: price.id }] };
    const first = await stripe.subscriptions.create(params, { idempotencyKey: "subscribe-member-1" });
    const again = await stripe.subscriptions.create(params, { idempotencyKey: "subscribe-member-1" });
    expect(again.id).toBe(first.id);
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toHaveLength(1);
    expect((await stripe.invoices.list({ customer: customer.id })).data).toHaveLength(1);
    await expect(
      stripe.subscriptions.create({ ...params, metadata: { other: "params" } }, { idempotencyKey: "subscribe-member-1" }),
    ).rejects.toMatchObject({ type: "StripeIdempotencyError" });
  });

  it("charges a 3155 card off-session once it has been set up with 3-D Secure", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 3000);
    const { customer } = await customerWithCard(stripe, "pm_card_authenticationRequiredOnSetup", { setUp: true });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], off_session: true });
    expect(sub.status).toBe("active");
  });

  it("leaves a 3184 subscription incomplete with invoice.payment_action_required until 3-D Secure is completed", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 3000);
    const { customer } = await customerWithCard(stripe, "pm_card_authenticationRequired");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    expect(sub.status).toBe("incomplete");

    const { invoice, pi } = await expandedInvoice(stripe, sub.latest_invoice as string);
    expect(invoice.status).toBe("open");
    expect(pi?.status).toBe("requires_action");
    expect(invoice.confirmation_secret?.client_secret).toBe(pi?.client_secret);
    const types = (await allEvents(stripe)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["invoice.payment_failed", "invoice.payment_action_required"]));

    // Paying again without the customer present cannot authenticate.
    await expect(stripe.invoices.pay(invoice.id)).rejects.toMatchObject({ type: "StripeCardError", code: "invoice_payment_intent_requires_action" });

    // The customer authenticates (hosted invoice page or Stripe.js): the invoice is paid, the subscription active.
    await answerThreeDSecure(pi!.id, "complete");
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe("paid");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });

  it("default_incomplete leaves the first payment to the client", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 2000);
    const customer = await stripe.customers.create({ email: "new@example.test" });
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      payment_behavior: "default_incomplete",
      expand: ["latest_invoice.confirmation_secret"],
    });
    expect(sub.status).toBe("incomplete");
    const invoice = sub.latest_invoice as Stripe.Invoice;
    expect(invoice.status).toBe("open");
    expect(invoice.confirmation_secret?.client_secret).toMatch(/^pi_\w+_secret_\w+$/);
  });

  it("refuses a customer without a payment method, and error_if_incomplete answers the decline", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 2000);
    const bare = await stripe.customers.create({});
    await expect(stripe.subscriptions.create({ customer: bare.id, items: [{ price: price.id }] })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
    });

    const { customer } = await customerWithCard(stripe, "pm_card_chargeCustomerFail");
    await expect(
      stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], payment_behavior: "error_if_incomplete" }),
    ).rejects.toMatchObject({ type: "StripeCardError", code: "card_declined" });
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);

    const allowed = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    expect(allowed.status).toBe("incomplete");
  });

  it("prorates a price change by the second: credit for unused time, debit for the remaining time", async () => {
    const stripe = setup();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const basic = await monthlyPrice(stripe, 1000, "Basic");
    const premium = await monthlyPrice(stripe, 3000, "Premium");
    const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    const item = sub.items.data[0];
    expect([item.current_period_start, item.current_period_end]).toEqual([JAN_1_2026, JAN_1_2026 + 31 * DAY]);

    // 10 days into a 31-day period: 21/31 of it remains.
    const prorationDate = JAN_1_2026 + 10 * DAY;
    const updated = await stripe.subscriptions.update(sub.id, {
      items: [{ id: item.id, price: premium.id }],
      proration_date: prorationDate,
    });
    expect(updated.items.data[0]).toMatchObject({ id: item.id, price: { id: premium.id } });
    expect(updated.items.data[0].current_period_end).toBe(item.current_period_end);

    const pending = await stripe.invoiceItems.list({ customer: customer.id, pending: true });
    const amounts = pending.data.map((ii) => [ii.amount, ii.description]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(amounts).toEqual([
      [-Math.round((1000 * 21) / 31), "Unused time on Basic after 11 Jan 2026"],
      [Math.round((3000 * 21) / 31), "Remaining time on Premium after 11 Jan 2026"],
    ]);
    expect(pending.data.every((ii) => ii.proration && ii.period.start === prorationDate)).toBe(true);

    // always_invoice bills the change at once: back to Basic, 20 days in.
    const back = JAN_1_2026 + 20 * DAY;
    const downgraded = await stripe.subscriptions.update(sub.id, {
      items: [{ id: item.id, price: basic.id }],
      proration_behavior: "always_invoice",
      proration_date: back,
    });
    const invoice = await stripe.invoices.retrieve(downgraded.latest_invoice as string);
    expect(invoice.billing_reason).toBe("subscription_update");
    const credit = -Math.round((3000 * 11) / 31);
    const debit = Math.round((1000 * 11) / 31);
    const earlier = Math.round((3000 * 21) / 31) - Math.round((1000 * 21) / 31);
    expect(invoice.total).toBe(earlier + credit + debit);
    expect(invoice.lines.data.filter((l) => l.parent?.subscription_item_details?.proration)).toHaveLength(4);
    expect(invoice).toMatchObject({ status: "paid", amount_paid: earlier + credit + debit });
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data).toEqual([]);

    const none = await stripe.subscriptions.update(sub.id, { items: [{ id: item.id, price: premium.id }], proration_behavior: "none" });
    expect(none.latest_invoice).toBe(invoice.id);
    expect((await stripe.invoiceItems.list({ customer: customer.id, pending: true })).data).toEqual([]);
  });

  it("cancels now with customer.subscription.deleted", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 2000);
    const { customer } = await customerWithCard(stripe, "pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const canceled = await stripe.subscriptions.cancel(sub.id);
    expect(canceled).toMatchObject({ status: "canceled" });
    expect(canceled.ended_at).not.toBeNull();
    const deleted = (await allEvents(stripe)).filter((e) => e.type === "customer.subscription.deleted");
    expect(deleted.map((e) => (e.data.object as Stripe.Subscription).id)).toEqual([sub.id]);
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
    expect((await stripe.subscriptions.list({ customer: customer.id, status: "canceled" })).data.map((s) => s.id)).toEqual([sub.id]);
    await expect(stripe.subscriptions.cancel(sub.id)).rejects.toMatchObject({ type: "StripeInvalidRequestError" });
  });

  it("starts from a subscription-mode Checkout Session, with 3-D Secure when the card asks for it", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 3900);
    const create = () =>
      stripe.checkout.sessions.create({
        mode: "subscription",
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: "http://app.test/done?session={CHECKOUT_SESSION_ID}",
        cancel_url: "http://app.test/cancel",
        subscription_data: { metadata: { plan: "judo" } },
      });

    const plain = await create();
    await submitCheckoutForm(plain.id, { card_number: "4242424242424242", email: "new@example.test" });
    const done = await stripe.checkout.sessions.retrieve(plain.id, { expand: ["subscription"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid" });
    const sub = done.subscription as Stripe.Subscription;
    expect(sub).toMatchObject({ status: "active", metadata: { plan: "judo" }, customer: done.customer });
    expect(sub.default_payment_method).toMatch(/^pm_/);
    expect((await stripe.invoices.retrieve(sub.latest_invoice as string)).status).toBe("paid");

    const secure = await create();
    await submitCheckoutForm(secure.id, { card_number: "4000002500003155", email: "sca@example.test" });
    const pending = await stripe.checkout.sessions.retrieve(secure.id, { expand: ["subscription"] });
    expect(pending.status).toBe("open");
    const incomplete = pending.subscription as Stripe.Subscription;
    expect(incomplete.status).toBe("incomplete");
    const { pi } = await expandedInvoice(stripe, incomplete.latest_invoice as string);
    expect(pi?.status).toBe("requires_action");
    await answerThreeDSecure(pi!.id, "complete");
    expect((await stripe.checkout.sessions.retrieve(secure.id)).status).toBe("complete");
    expect((await stripe.subscriptions.retrieve(incomplete.id)).status).toBe("active");
  });

  it("runs a free trial: trialing with a zero invoice, then the first charge at trial end", async () => {
    const stripe = setup();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const price = await monthlyPrice(stripe, 4500);
    const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], trial_period_days: 14 });
    expect(sub).toMatchObject({ status: "trialing", trial_start: JAN_1_2026, trial_end: JAN_1_2026 + 14 * DAY });
    const trialInvoice = await stripe.invoices.retrieve(sub.latest_invoice as string);
    expect(trialInvoice).toMatchObject({ status: "paid", total: 0 });
    expect(trialInvoice.lines.data[0].description).toBe("Trial period for Judo monthly");

    await advanceClock(stripe, clock.id, JAN_1_2026 + 14 * DAY + 2 * 3600);
    const warnings = (await allEvents(stripe)).filter((e) => e.type === "customer.subscription.trial_will_end");
    expect(warnings.map((e) => e.created)).toEqual([JAN_1_2026 + 11 * DAY]);
    const active = await stripe.subscriptions.retrieve(sub.id, { expand: ["latest_invoice"] });
    expect(active.status).toBe("active");
    expect(active.items.data[0]).toMatchObject({ current_period_start: JAN_1_2026 + 14 * DAY, current_period_end: JAN_1_2026 + 45 * DAY });
    expect(active.latest_invoice).toMatchObject({ status: "paid", total: 4500, billing_reason: "subscription_cycle" });
  });

  it("takes trial_end as a timestamp in the future, and refuses it in the past, beyond two years, or with trial_period_days", async () => {
    const stripe = setup();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const price = await monthlyPrice(stripe, 4500);
    const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
    const refused = (params: Partial<Stripe.SubscriptionCreateParams>) =>
      stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], ...params }).then(
        () => null,
        (e: Stripe.errors.StripeError) => ({ param: e.param, message: e.message }),
      );
    expect(await refused({ trial_end: JAN_1_2026 - 1 })).toEqual({ param: "trial_end", message: "Invalid timestamp: must be an integer Unix timestamp in the future." });
    expect(await refused({ trial_end: JAN_1_2026 + 731 * DAY })).toEqual({ param: "trial_end", message: "The maximum number of trial period days is 730 (2 years)." });
    expect(await refused({ trial_end: JAN_1_2026 + 5 * DAY, trial_period_days: 5 })).toMatchObject({ message: "You may only specify one of these parameters: trial_end, trial_period_days." });
    expect(await stripe.subscriptions.list({ customer: customer.id })).toMatchObject({ data: [] });

    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], trial_end: JAN_1_2026 + 11 * DAY });
    expect(sub).toMatchObject({ status: "trialing", trial_start: JAN_1_2026, trial_end: JAN_1_2026 + 11 * DAY, billing_cycle_anchor: JAN_1_2026 + 11 * DAY });
    await advanceClock(stripe, clock.id, JAN_1_2026 + 11 * DAY + 3600);
    const active = await stripe.subscriptions.retrieve(sub.id, { expand: ["latest_invoice"] });
    expect(active).toMatchObject({ status: "active", latest_invoice: { status: "paid", total: 4500, billing_reason: "subscription_cycle" } });

    const now = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], trial_end: "now" });
    expect(now).toMatchObject({ status: "active", trial_end: null });
  });

  it("Checkout's subscription_data.trial_end (48 hours ahead at least, on the customer's clock) saves the card now and charges it at the trial's end", async () => {
    const stripe = setup();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const price = await monthlyPrice(stripe, 3900);
    const customer = await stripe.customers.create({ name: "Trial Dojo", test_clock: clock.id });
    const create = (subscription_data: Stripe.Checkout.SessionCreateParams.SubscriptionData) =>
      stripe.checkout.sessions.create({
        mode: "subscription",
        customer: customer.id,
        line_items: [{ price: price.id, quantity: 1 }],
        success_url: "http://app.test/done",
        subscription_data,
      });
    const refusal = (data: Stripe.Checkout.SessionCreateParams.SubscriptionData) =>
      create(data).then(
        () => null,
        (e: Stripe.errors.StripeError) => ({ param: e.param, message: e.message }),
      );
    expect(await refusal({ trial_end: JAN_1_2026 + 47 * 3600 })).toEqual({
      param: "subscription_data[trial_end]",
      message: "`subscription_data[trial_end]` must be at least 48 hours in the future.",
    });
    expect(await refusal({ trial_end: JAN_1_2026 + 5 * DAY, trial_period_days: 5 })).toMatchObject({ param: "subscription_data[trial_period_days]" });
    expect(await refusal({ trial_period_days: 0 })).toMatchObject({ param: "subscription_data[trial_period_days]" });

    const session = await create({ trial_end: JAN_1_2026 + 11 * DAY });
    await submitCheckoutForm(session.id, { card_number: "4242424242424242" });
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    const sub = done.subscription as Stripe.Subscription;
    expect(sub).toMatchObject({ status: "trialing", trial_end: JAN_1_2026 + 11 * DAY });
    expect(sub.default_payment_method).toEqual(expect.stringMatching(/^pm_/));
    expect((await stripe.invoices.list({ subscription: sub.id })).data.map((i) => i.total)).toEqual([0]);

    await advanceClock(stripe, clock.id, JAN_1_2026 + 11 * DAY + 3600);
    const invoices = (await stripe.invoices.list({ subscription: sub.id })).data;
    expect(invoices[0]).toMatchObject({ status: "paid", amount_paid: 3900, billing_reason: "subscription_cycle" });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });
});
