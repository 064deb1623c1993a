import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_IBANS, answerBankPage, control, newSecretKey, startWebhookReceiver, stripeClient, submitBankMethod } from "./test-support";

// SEPA Direct Debit, iDEAL and Bancontact in Checkout (bank-methods.ts): the session's states, the
// PaymentIntent's, and the events in Stripe's order
// (https://docs.stripe.com/checkout/fulfillment#delayed-notification, https://docs.stripe.com/payments/sepa-debit).

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function sessionWith(types: string[], opts: { embedded?: boolean } = {}) {
  const key = newSecretKey("bank");
  const stripe = stripeClient(key);
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
  const base = { mode: "payment" as const, line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 5000, product_data: { name: "Fee" } } }], allowed_payment_method_types: types, metadata: { invoice: "inv_1" }, payment_intent_data: { metadata: { invoice: "inv_1" } } };
  const session = await stripe.checkout.sessions.create(
    opts.embedded ? { ...base, ui_mode: "embedded_page", return_url: "https://app.example/back?s={CHECKOUT_SESSION_ID}" } : { ...base, success_url: "https://app.example/done?s={CHECKOUT_SESSION_ID}" },
  );
  const types_ = (received: { event: Stripe.Event }[]) => received.map((r) => r.event.type).filter((t) => !["product.created", "price.created", "payment_intent.created", "webhook_endpoint.created"].includes(t) && !t.startsWith("customer."));
  return { key, stripe, receiver, session, types: () => types_(receiver.received) };
}

describe("SEPA Direct Debit in Checkout", () => {
  it("completes the session unpaid with the PaymentIntent processing, then succeeds when the debit settles", async () => {
    const { key, stripe, receiver, session, types } = await sessionWith(["card", "sepa_debit"]);
    const res = await submitBankMethod(session.id, "sepa_debit", { iban: TEST_IBANS.succeeds, email: "a@example.test" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`https://app.example/done?s=${session.id}`);

    const completed = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.latest_charge"] });
    expect(completed).toMatchObject({ status: "complete", payment_status: "unpaid" });
    const pi = completed.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ status: "processing", payment_method_types: ["sepa_debit"], amount_received: 0, metadata: { invoice: "inv_1" } });
    expect(pi.latest_charge).toMatchObject({ status: "pending", paid: false, balance_transaction: null, payment_method_details: { type: "sepa_debit", sepa_debit: { last4: "3000", country: "DE" } } });
    await receiver.waitFor(() => types().includes("checkout.session.completed"));
    expect(types()).toEqual(["charge.pending", "payment_intent.processing", "checkout.session.completed"]);

    expect(await control("debits/settle", { apiKey: key })).toEqual({ settled: [pi.id] });
    expect(await stripe.paymentIntents.retrieve(pi.id)).toMatchObject({ status: "succeeded", amount_received: 5000 });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "complete", payment_status: "paid" });
    await receiver.waitFor(() => types().includes("checkout.session.async_payment_succeeded"));
    expect(types().slice(3)).toEqual(["charge.succeeded", "payment_intent.succeeded", "checkout.session.async_payment_succeeded"]);
    // Nothing is left to settle.
    expect(await control("debits/settle", { apiKey: key })).toEqual({ settled: [] });
  });

  it("fails after processing with the failing test IBAN: payment_failed and async_payment_failed, no money", async () => {
    const { key, stripe, receiver, session, types } = await sessionWith(["card", "sepa_debit"], { embedded: true });
    expect((await submitBankMethod(session.id, "sepa_debit", { iban: TEST_IBANS.fails, email: "a@example.test" }, { embedded: true })).status).toBe(303);
    const pi = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    await control("debits/settle", { apiKey: key });
    const failed = await stripe.paymentIntents.retrieve(pi, { expand: ["latest_charge"] });
    expect(failed).toMatchObject({ status: "requires_payment_method", amount_received: 0, last_payment_error: { code: "insufficient_funds", payment_method_type: "sepa_debit" } });
    expect(failed.latest_charge).toMatchObject({ status: "failed", paid: false, balance_transaction: null });
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "complete", payment_status: "unpaid" });
    await receiver.waitFor(() => types().includes("checkout.session.async_payment_failed"));
    expect(types().slice(3)).toEqual(["charge.failed", "payment_intent.payment_failed", "checkout.session.async_payment_failed"]);
  });

  it("succeeds and is then disputed with the disputing test IBAN", async () => {
    const { key, stripe, receiver, session, types } = await sessionWith(["sepa_debit"]);
    await submitBankMethod(session.id, "sepa_debit", { iban: TEST_IBANS.disputed, email: "a@example.test" });
    await control("debits/settle", { apiKey: key });
    const pi = await stripe.paymentIntents.retrieve((await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string, { expand: ["latest_charge"] });
    expect(pi).toMatchObject({ status: "succeeded", latest_charge: { disputed: true } });
    await receiver.waitFor(() => types().includes("charge.dispute.created"));
    expect(types().slice(3)).toEqual(["charge.succeeded", "payment_intent.succeeded", "checkout.session.async_payment_succeeded", "charge.dispute.created"]);
  });

  it("refuses a malformed IBAN on the page, and a method the session does not allow", async () => {
    const { stripe, session } = await sessionWith(["card", "sepa_debit"]);
    const bad = await submitBankMethod(session.id, "sepa_debit", { iban: "DE89370400440532013099", email: "a@example.test" });
    expect(bad.status).toBe(200);
    expect(await bad.text()).toContain("Your IBAN is invalid.");
    const notOffered = await submitBankMethod(session.id, "ideal", { email: "a@example.test" });
    expect(await notOffered.text()).toContain("Choose a payment method this page offers.");
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "open", payment_intent: null });
  });
});

describe("iDEAL and Bancontact in Checkout", () => {
  for (const type of ["ideal", "bancontact"] as const) {
    it(`${type}: redirects to the bank; authorized, the session is paid at once`, async () => {
      const { stripe, receiver, session, types } = await sessionWith(["card", type]);
      const res = await submitBankMethod(session.id, type, { email: "a@example.test" });
      expect(res.status).toBe(303);
      const pi = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
      expect(res.headers.get("location")).toBe(`/c/bank/${pi}`);
      expect(await stripe.paymentIntents.retrieve(pi)).toMatchObject({ status: "requires_action", next_action: { type: "redirect_to_url" } });

      const back = await answerBankPage(pi, "authorize");
      expect(back.headers.get("location")).toBe(`https://app.example/done?s=${session.id}`);
      expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "complete", payment_status: "paid" });
      const paid = await stripe.paymentIntents.retrieve(pi, { expand: ["latest_charge"] });
      expect(paid).toMatchObject({ status: "succeeded", latest_charge: { status: "succeeded", payment_method_details: { type } } });
      await receiver.waitFor(() => types().includes("checkout.session.completed"));
      expect(types()).toEqual(["payment_intent.requires_action", "charge.succeeded", "payment_intent.succeeded", "checkout.session.completed"]);
    });
  }

  it("a failed bank authorization leaves the session open for another method, with the reason", async () => {
    const { stripe, session } = await sessionWith(["card", "ideal"], { embedded: true });
    await submitBankMethod(session.id, "ideal", { email: "a@example.test" }, { embedded: true });
    const pi = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    const back = await answerBankPage(pi, "fail", { embedded: true });
    expect(back.headers.get("location")).toBe(`/c/pay/${session.id}/resume?embedded=1`);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "open", payment_status: "unpaid" });
    expect(await stripe.paymentIntents.retrieve(pi)).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "payment_intent_payment_attempt_failed" } });
  });
});
