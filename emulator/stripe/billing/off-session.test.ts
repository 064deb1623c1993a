import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { answerThreeDSecure, newSecretKey, stripeClient } from "../test-support";
import { advanceClock, allEvents, customerWithCard, DAY, JAN_1_2026, monthlyPrice } from "./billing-support";

function setup() {
  return stripeClient(newSecretKey("offsession"));
}

async function paymentIntentOf(stripe: Stripe, invoiceId: string) {
  const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ["payments.data.payment.payment_intent", "confirmation_secret"] });
  return { invoice, pi: invoice.payments!.data[0].payment.payment_intent as Stripe.PaymentIntent };
}

// https://docs.stripe.com/api/subscriptions/create#create_subscription-off_session: "Defaults to false (on-session)".
describe("off_session on subscriptions", () => {
  it("on-session by default: a 3155 card set up for off-session use still asks its holder", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 3000);
    const { customer } = await customerWithCard(stripe, "pm_card_authenticationRequiredOnSetup", { setUp: true });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    expect(sub.status).toBe("incomplete");
    const { pi } = await paymentIntentOf(stripe, sub.latest_invoice as string);
    expect(pi).toMatchObject({ status: "requires_action", next_action: { type: "use_stripe_sdk" } });
    expect((await allEvents(stripe)).map((e) => e.type)).toContain("invoice.payment_action_required");
  });

  it("off_session: true charges the set-up 3155 card without its holder; 4242 either way", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 3000);
    const secure = await customerWithCard(stripe, "pm_card_authenticationRequiredOnSetup", { setUp: true });
    expect((await stripe.subscriptions.create({ customer: secure.customer.id, items: [{ price: price.id }], off_session: true })).status).toBe("active");
    const plain = await customerWithCard(stripe, "pm_card_visa");
    expect((await stripe.subscriptions.create({ customer: plain.customer.id, items: [{ price: price.id }] })).status).toBe("active");
  });

  it("3184 always needs its holder: off-session the invoice's payment waits for 3-D Secure", async () => {
    const stripe = setup();
    const price = await monthlyPrice(stripe, 3000);
    const { customer } = await customerWithCard(stripe, "pm_card_authenticationRequired", { setUp: true });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], off_session: true });
    expect(sub.status).toBe("incomplete");
    expect((await paymentIntentOf(stripe, sub.latest_invoice as string)).pi.status).toBe("requires_action");
  });

  it("an update billed at once is on-session by default too, off-session on request", async () => {
    const stripe = setup();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const small = await monthlyPrice(stripe, 1000, "Small");
    const big = await monthlyPrice(stripe, 3000, "Big");
    const { customer } = await customerWithCard(stripe, "pm_card_authenticationRequiredOnSetup", { setUp: true, clock: clock.id });
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: small.id }], off_session: true });
    await advanceClock(stripe, clock.id, JAN_1_2026 + 10 * DAY);
    const item = sub.items.data[0].id;

    const onSession = await stripe.subscriptions.update(sub.id, { items: [{ id: item, price: big.id }], proration_behavior: "always_invoice" });
    expect((await paymentIntentOf(stripe, onSession.latest_invoice as string)).pi.status).toBe("requires_action");

    const offSession = await stripe.subscriptions.update(sub.id, { items: [{ id: item, price: small.id }], proration_behavior: "always_invoice", off_session: true });
    expect(offSession.latest_invoice).not.toBe(onSession.latest_invoice);
    const credit = await stripe.invoices.retrieve(offSession.latest_invoice as string);
    // Going back down is a credit: nothing to charge, so nothing to authenticate.
    expect(credit.status).toBe("paid");
  });
});

describe("off_session on PaymentIntents", () => {
  it("3155: on-session asks (requires_action), off-session once set up succeeds; 3184 off-session fails authentication_required", async () => {
    const stripe = setup();
    const secure = await customerWithCard(stripe, "pm_card_authenticationRequiredOnSetup", { setUp: true });
    const onSession = await stripe.paymentIntents.create({ amount: 2000, currency: "eur", customer: secure.customer.id, payment_method: secure.paymentMethod, confirm: true, automatic_payment_methods: { enabled: true, allow_redirects: "never" } });
    expect(onSession.status).toBe("requires_action");
    const offSession = await stripe.paymentIntents.create({ amount: 2000, currency: "eur", customer: secure.customer.id, payment_method: secure.paymentMethod, confirm: true, off_session: true, automatic_payment_methods: { enabled: true, allow_redirects: "never" } });
    expect(offSession.status).toBe("succeeded");

    const strict = await customerWithCard(stripe, "pm_card_authenticationRequired", { setUp: true });
    const refused = await stripe.paymentIntents
      .create({ amount: 2000, currency: "eur", customer: strict.customer.id, payment_method: strict.paymentMethod, confirm: true, off_session: true, automatic_payment_methods: { enabled: true, allow_redirects: "never" } })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ type: "StripeCardError", statusCode: 402, code: "authentication_required" });
    // On-session the holder completes the challenge and the payment goes through.
    const asked = await stripe.paymentIntents.create({ amount: 2000, currency: "eur", customer: strict.customer.id, payment_method: strict.paymentMethod, confirm: true, automatic_payment_methods: { enabled: true, allow_redirects: "never" } });
    expect(asked.status).toBe("requires_action");
    await answerThreeDSecure(asked.id, "complete");
    expect((await stripe.paymentIntents.retrieve(asked.id)).status).toBe("succeeded");
  });
});
