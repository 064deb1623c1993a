import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { answerThreeDSecure, control, newSecretKey, startWebhookReceiver, stripeClient } from "./test-support";

async function setup() {
  const stripe = stripeClient(newSecretKey("cards"));
  const customer = await stripe.customers.create({ email: "member@example.com" });
  return { stripe, customer };
}

/** A card saved through a SetupIntent, with 3-D Secure completed when the card asks for it. */
async function saveCard(stripe: Stripe, customer: string, pmShortcut: string): Promise<string> {
  const si = await stripe.setupIntents.create({ customer, payment_method: pmShortcut, confirm: true, usage: "off_session" });
  if (si.status === "requires_action") {
    expect(si.next_action?.type).toBe("use_stripe_sdk");
    await answerThreeDSecure(si.id, "complete");
  }
  const done = await stripe.setupIntents.retrieve(si.id);
  expect(done.status).toBe("succeeded");
  return done.payment_method as string;
}

async function chargeOffSession(stripe: Stripe, customer: string, paymentMethod: string) {
  return stripe.paymentIntents
    .create({ amount: 4500, currency: "eur", customer, payment_method: paymentMethod, off_session: true, confirm: true })
    .catch((e: unknown) => e);
}

describe("test cards", () => {
  it("4242 succeeds on-session with a charge, and off-session once saved", async () => {
    const { stripe, customer } = await setup();
    const pi = await stripe.paymentIntents.create({ amount: 3000, currency: "eur", customer: customer.id, payment_method: "pm_card_visa", confirm: true });
    expect(pi).toMatchObject({ status: "succeeded", amount_received: 3000 });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ status: "succeeded", paid: true, amount: 3000, payment_intent: pi.id, payment_method_details: { card: { last4: "4242", brand: "visa" } } });
    const pm = await saveCard(stripe, customer.id, "pm_card_visa");
    expect(await chargeOffSession(stripe, customer.id, pm)).toMatchObject({ status: "succeeded" });
  });

  it.each([
    ["pm_card_visa_chargeDeclined", "card_declined", "generic_decline", "Your card was declined."],
    ["pm_card_visa_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds", "Your card has insufficient funds."],
    ["pm_card_chargeDeclined", "card_declined", "generic_decline", "Your card was declined."],
    ["pm_card_chargeDeclinedInsufficientFunds", "card_declined", "insufficient_funds", "Your card has insufficient funds."],
    ["pm_card_chargeDeclinedExpiredCard", "expired_card", "expired_card", "Your card has expired."],
    ["pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", "incorrect_cvc", "Your card's security code is incorrect."],
  ])("%s declines with 402 %s / %s and cannot be attached", async (pm, code, declineCode, message) => {
    const { stripe, customer } = await setup();
    const err = await stripe.paymentIntents.create({ amount: 2500, currency: "eur", payment_method: pm, confirm: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({ statusCode: 402, code, decline_code: declineCode, message });
    const failed = (err as Stripe.errors.StripeCardError).payment_intent!;
    expect(failed.status).toBe("requires_payment_method");
    expect(failed.last_payment_error).toMatchObject({ type: "card_error", code, decline_code: declineCode });
    const charge = await stripe.charges.retrieve(failed.latest_charge as string);
    expect(charge).toMatchObject({ status: "failed", failure_code: code, paid: false });

    await expect(stripe.paymentMethods.attach(pm, { customer: customer.id })).rejects.toMatchObject({ statusCode: 402, code });
  });

  // Every card of the README's test-card table, by the PaymentMethod id https://docs.stripe.com/testing gives it.
  it.each([
    ["pm_card_visa", "4242", "visa", "credit"],
    ["pm_card_visa_debit", "5556", "visa", "debit"],
    ["pm_card_mastercard", "4444", "mastercard", "credit"],
    ["pm_card_amex", "0005", "amex", "credit"],
    ["pm_card_authenticationRequiredOnSetup", "3155", "visa", "credit"],
    ["pm_card_authenticationRequired", "3184", "visa", "credit"],
    ["pm_card_threeDSecure2Required", "3220", "visa", "credit"],
    ["pm_card_visa_chargeDeclinedInsufficientFunds", "9995", "visa", "credit"],
    ["pm_card_visa_chargeDeclined", "0002", "visa", "credit"],
    ["pm_card_chargeCustomerFail", "0341", "visa", "credit"],
    ["pm_card_chargeDeclinedExpiredCard", "0069", "visa", "credit"],
    ["pm_card_chargeDeclinedIncorrectCvc", "0127", "visa", "credit"],
  ])("%s is the test card ending %s", async (id, last4, brand, funding) => {
    const { stripe } = await setup();
    // Unconfirmed, so even the declining cards make their PaymentMethod.
    const pi = await stripe.paymentIntents.create({ amount: 2500, currency: "eur", payment_method: id });
    expect(pi.payment_method).toMatch(/^pm_(?!card_)/);
    const pm = await stripe.paymentMethods.retrieve(pi.payment_method as string);
    expect(pm).toMatchObject({ object: "payment_method", type: "card", card: { last4, brand, funding } });
  });

  it("4000000000000341 attaches and sets up, but charges fail", async () => {
    const { stripe, customer } = await setup();
    const attached = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    expect(attached.customer).toBe(customer.id);
    const saved = await saveCard(stripe, customer.id, "pm_card_chargeCustomerFail");
    const err = await chargeOffSession(stripe, customer.id, saved);
    expect(err).toMatchObject({ type: "StripeCardError", code: "card_declined", decline_code: "generic_decline" });
  });

  it("4000002500003155 needs 3-D Secure on-session, but not off-session once set up", async () => {
    const { stripe, customer } = await setup();
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: "eur",
      customer: customer.id,
      payment_method: "pm_card_authenticationRequiredOnSetup",
      confirm: true,
      return_url: "https://merchant.example/back",
    });
    expect(pi.status).toBe("requires_action");
    expect(pi.next_action?.type).toBe("redirect_to_url");
    const redirectUrl = new URL(pi.next_action!.redirect_to_url!.url!);
    expect(redirectUrl.pathname).toBe(`/3ds/${pi.id}`);
    const answer = await answerThreeDSecure(pi.id, "complete");
    expect(answer.status).toBe(303);
    const back = new URL(answer.headers.get("location")!);
    expect(back.origin + back.pathname).toBe("https://merchant.example/back");
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ payment_intent: pi.id, redirect_status: "succeeded" });
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");

    // Not set up: an off-session charge fails with authentication_required.
    const unsaved = await stripe.paymentMethods.attach("pm_card_authenticationRequiredOnSetup", { customer: customer.id });
    expect(await chargeOffSession(stripe, customer.id, unsaved.id)).toMatchObject({ code: "authentication_required" });
    // Set up with 3-D Secure: off-session charges go through.
    const saved = await saveCard(stripe, customer.id, "pm_card_authenticationRequiredOnSetup");
    expect(await chargeOffSession(stripe, customer.id, saved)).toMatchObject({ status: "succeeded" });
  });

  it("4000002760003184 always needs 3-D Secure: off-session fails with authentication_required even when set up", async () => {
    const { stripe, customer } = await setup();
    const saved = await saveCard(stripe, customer.id, "pm_card_authenticationRequired");
    const err = await chargeOffSession(stripe, customer.id, saved);
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err).toMatchObject({ statusCode: 402, code: "authentication_required", decline_code: "authentication_required" });
    const pi = (err as Stripe.errors.StripeCardError).payment_intent!;
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.last_payment_error?.code).toBe("authentication_required");

    // The customer comes back on-session and authenticates the same PaymentIntent.
    const retry = await stripe.paymentIntents.confirm(pi.id, { payment_method: saved });
    expect(retry.status).toBe("requires_action");
    expect(retry.next_action).toMatchObject({ type: "use_stripe_sdk" });
    await answerThreeDSecure(pi.id, "complete");
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
  });

  it("a failed 3-D Secure challenge leaves the PaymentIntent requires_payment_method", async () => {
    const { stripe } = await setup();
    const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_threeDSecure2Required", confirm: true });
    expect(pi.status).toBe("requires_action");
    await answerThreeDSecure(pi.id, "fail");
    const failed = await stripe.paymentIntents.retrieve(pi.id);
    expect(failed.status).toBe("requires_payment_method");
    expect(failed.last_payment_error?.code).toBe("payment_intent_authentication_failure");
    expect((await stripe.charges.list({ payment_intent: pi.id })).data).toHaveLength(0);
  });

  it("creates payment methods from test tokens, refuses raw numbers, lists and detaches them", async () => {
    const { stripe, customer } = await setup();
    const pm = await stripe.paymentMethods.create({ type: "card", card: { token: "tok_mastercard" } });
    expect(pm.card).toMatchObject({ brand: "mastercard", last4: "4444" });
    await expect(stripe.paymentMethods.create({ type: "card", card: { number: "4242424242424242", exp_month: 1, exp_year: 2040, cvc: "123" } })).rejects.toMatchObject({
      statusCode: 400,
      param: "card[number]",
    });
    await stripe.paymentMethods.attach(pm.id, { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    const listed = await stripe.customers.listPaymentMethods(customer.id, { type: "card" });
    expect(listed.data.map((p) => p.id)).toEqual([pm.id]);
    await stripe.paymentMethods.detach(pm.id);
    expect((await stripe.paymentMethods.list({ customer: customer.id, type: "card" })).data).toHaveLength(0);
    expect(((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).invoice_settings.default_payment_method).toBeNull();
    await expect(stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } })).rejects.toMatchObject({
      param: "invoice_settings[default_payment_method]",
    });
  });

  it("cancels a PaymentIntent and refuses to confirm it afterwards", async () => {
    const { stripe } = await setup();
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "eur" });
    expect(pi.status).toBe("requires_payment_method");
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    const canceled = await stripe.paymentIntents.cancel(pi.id, { cancellation_reason: "abandoned" });
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" });
    await expect(stripe.paymentIntents.confirm(pi.id, { payment_method: "pm_card_visa" })).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
  });
});

describe("refunds", () => {
  it("refunds partially then fully, updating the charge, and refuses more than remains", async () => {
    const stripe = stripeClient(newSecretKey("refunds"));
    const pi = await stripe.paymentIntents.create({ amount: 10000, currency: "eur", payment_method: "pm_card_visa", confirm: true });
    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 2500, reason: "requested_by_customer", metadata: { note: "one lesson" } });
    expect(partial).toMatchObject({ object: "refund", amount: 2500, status: "succeeded", reason: "requested_by_customer", metadata: { note: "one lesson" }, payment_intent: pi.id });
    let charge = await stripe.charges.retrieve(pi.latest_charge as string, { expand: ["refunds"] });
    expect(charge).toMatchObject({ amount_refunded: 2500, refunded: false });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([partial.id]);

    await expect(stripe.refunds.create({ charge: charge.id, amount: 9000 })).rejects.toMatchObject({ statusCode: 400, param: "amount" });
    const rest = await stripe.refunds.create({ charge: charge.id });
    expect(rest.amount).toBe(7500);
    charge = await stripe.charges.retrieve(charge.id);
    expect(charge).toMatchObject({ amount_refunded: 10000, refunded: true });
    await expect(stripe.refunds.create({ charge: charge.id })).rejects.toMatchObject({ code: "charge_already_refunded" });
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data).toHaveLength(2);
  });

  it("4000000000005126: the refund begins succeeded, then fails with its events and gives the money back", async () => {
    const key = newSecretKey("refundfail");
    const stripe = stripeClient(key);
    const receiver = await startWebhookReceiver();
    try {
      await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["charge.refund.updated", "refund.updated", "refund.failed"] });
      const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_refundFail", confirm: true });
      expect(pi.status).toBe("succeeded");
      const refund = await stripe.refunds.create({ payment_intent: pi.id, amount: 2000 });
      expect(refund).toMatchObject({ status: "succeeded" });
      expect(await stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({ amount_refunded: 2000 });

      expect(await control("refunds/settle", { apiKey: key })).toEqual({ failed: [refund.id] });
      const failed = await stripe.refunds.retrieve(refund.id);
      expect(failed).toMatchObject({ status: "failed", failure_reason: "expired_or_canceled_card", failure_balance_transaction: expect.stringMatching(/^txn_/) });
      expect(await stripe.balanceTransactions.retrieve(failed.failure_balance_transaction as string)).toMatchObject({ type: "refund_failure", amount: 2000 });
      expect(await stripe.charges.retrieve(pi.latest_charge as string)).toMatchObject({ amount_refunded: 0, refunded: false });
      const received = await receiver.waitFor((r) => r.length >= 3);
      expect(received.map((w) => w.event.type)).toEqual(expect.arrayContaining(["charge.refund.updated", "refund.updated", "refund.failed"]));
      const updated = received.find((w) => w.event.type === "charge.refund.updated")!.event;
      expect(updated.data).toMatchObject({ object: { id: refund.id, status: "failed" }, previous_attributes: { status: "succeeded" } });
      // Nothing else waits; the other test cards refund for good.
      expect(await control("refunds/settle", { apiKey: key })).toEqual({ failed: [] });
      const visa = await stripe.paymentIntents.create({ amount: 1000, currency: "eur", payment_method: "pm_card_visa", confirm: true });
      const kept = await stripe.refunds.create({ payment_intent: visa.id });
      expect(await control("refunds/settle", { apiKey: key })).toEqual({ failed: [] });
      expect(await stripe.refunds.retrieve(kept.id)).toMatchObject({ status: "succeeded" });
    } finally {
      await receiver.close();
    }
  });
});
