import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { monthlyPrice } from "./billing/billing-support";
import { TEST_IBANS, control, newSecretKey, saveSepaMandate, stripeClient, submitBankMethod } from "./test-support";

// SEPA mandates through Checkout's setup mode and the debits made under them
// (https://docs.stripe.com/payments/sepa-debit/set-up-payment?payment-ui=checkout,
// https://docs.stripe.com/api/mandates/object, https://docs.stripe.com/payments/paymentintents/lifecycle).

function account() {
  const key = newSecretKey("mandate");
  return { key, stripe: stripeClient(key) };
}

async function refusal(p: Promise<unknown>): Promise<{ statusCode?: number; param?: string; code?: string; message: string }> {
  try {
    await p;
  } catch (error) {
    return error as { statusCode?: number; param?: string; code?: string; message: string };
  }
  throw new Error("expected Stripe to refuse");
}

describe("Checkout setup mode with SEPA Direct Debit", () => {
  it("saves the IBAN as a sepa_debit PaymentMethod on the customer with an active multi-use mandate", async () => {
    const { stripe } = account();
    const customer = await stripe.customers.create({ email: "jeanne@example.test" });
    const before = Math.floor(Date.now() / 1000);
    const { paymentMethod, mandate, sessionId } = await saveSepaMandate(stripe, customer.id, "FR1420041010050500013M02606");

    const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["setup_intent.payment_method"] });
    expect(session).toMatchObject({ status: "complete", mode: "setup", payment_status: "no_payment_required", payment_method_types: ["card", "sepa_debit"] });
    const si = session.setup_intent as Stripe.SetupIntent;
    expect(si).toMatchObject({ status: "succeeded", usage: "off_session", mandate, customer: customer.id });
    expect(si.payment_method).toMatchObject({ id: paymentMethod, type: "sepa_debit", customer: customer.id, sepa_debit: { last4: "2606", country: "FR", bank_code: "20041010" } });

    const m = await stripe.mandates.retrieve(mandate);
    expect(m).toMatchObject({ object: "mandate", status: "active", type: "multi_use", payment_method: paymentMethod, payment_method_details: { type: "sepa_debit" }, customer_acceptance: { type: "online" } });
    expect(m.customer_acceptance.accepted_at).toBeGreaterThanOrEqual(before);
    // Listing by payment method finds the SetupIntent, and so the mandate.
    expect((await stripe.setupIntents.list({ payment_method: paymentMethod })).data.map((s) => s.mandate)).toEqual([mandate]);
  });

  it("works on the embedded page too", async () => {
    const { stripe } = account();
    const customer = await stripe.customers.create({});
    const session = await stripe.checkout.sessions.create({ mode: "setup", currency: "eur", customer: customer.id, allowed_payment_method_types: ["card", "sepa_debit"], ui_mode: "embedded_page", return_url: "https://app.example/back" });
    expect((await submitBankMethod(session.id, "sepa_debit", { iban: TEST_IBANS.succeeds }, { embedded: true })).status).toBe(303);
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent"] });
    expect((done.setup_intent as Stripe.SetupIntent).mandate).toMatch(/^mandate_/);
  });

  it("refuses sepa_debit in setup mode outside EUR, and iDEAL in setup mode", async () => {
    const { stripe } = account();
    const usd = await refusal(stripe.checkout.sessions.create({ mode: "setup", currency: "usd", allowed_payment_method_types: ["card", "sepa_debit"], success_url: "https://app.example/done" }));
    expect(usd).toMatchObject({ statusCode: 400, param: "allowed_payment_method_types" });
    expect(usd.message).toContain("`sepa_debit` only supports the following currencies: ``eur``");
    const ideal = await refusal(stripe.checkout.sessions.create({ mode: "setup", currency: "eur", allowed_payment_method_types: ["card", "ideal"], success_url: "https://app.example/done" }));
    expect(ideal).toMatchObject({ statusCode: 400, param: "allowed_payment_method_types" });
  });

  it("a card-only setup session takes no IBAN", async () => {
    const { stripe } = account();
    const session = await stripe.checkout.sessions.create({ mode: "setup", currency: "eur", allowed_payment_method_types: ["card"], success_url: "https://app.example/done" });
    const res = await submitBankMethod(session.id, "sepa_debit", { iban: TEST_IBANS.succeeds, email: "a@example.test" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Choose a payment method this page offers.");
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "open" });
  });
});

describe("debits under a saved mandate", () => {
  it("an off-session PaymentIntent is processing, its charge pending and naming the mandate; it settles as the IBAN says", async () => {
    const { key, stripe } = account();
    const customer = await stripe.customers.create({});
    const good = await saveSepaMandate(stripe, customer.id, TEST_IBANS.succeeds);
    const pi = await stripe.paymentIntents.create({ amount: 4500, currency: "eur", customer: customer.id, payment_method: good.paymentMethod, confirm: true, off_session: true, expand: ["latest_charge"] });
    expect(pi).toMatchObject({ status: "processing", amount_received: 0, payment_method_types: expect.arrayContaining(["sepa_debit"]) });
    expect(pi.latest_charge).toMatchObject({ status: "pending", payment_method_details: { type: "sepa_debit", sepa_debit: { mandate: good.mandate, last4: "3000" } } });

    const bad = await saveSepaMandate(stripe, customer.id, TEST_IBANS.fails);
    const failing = await stripe.paymentIntents.create({ amount: 4500, currency: "eur", customer: customer.id, payment_method: bad.paymentMethod, confirm: true, off_session: true, automatic_payment_methods: { enabled: true, allow_redirects: "never" } });
    expect(failing.status).toBe("processing");

    const { settled } = await control<{ settled: string[] }>("debits/settle", { apiKey: key });
    expect(settled.sort()).toEqual([pi.id, failing.id].sort());
    expect(await stripe.paymentIntents.retrieve(pi.id)).toMatchObject({ status: "succeeded", amount_received: 4500 });
    expect(await stripe.paymentIntents.retrieve(failing.id)).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "insufficient_funds", payment_method_type: "sepa_debit" } });
  });

  it("refuses a SEPA debit without a mandate, outside EUR, or on a PaymentIntent limited to cards", async () => {
    const { stripe } = account();
    // A payment-mode SEPA payment leaves a PaymentMethod without a multi-use mandate.
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 5000, product_data: { name: "Fee" } } }], allowed_payment_method_types: ["sepa_debit"], success_url: "https://app.example/done" });
    await submitBankMethod(session.id, "sepa_debit", { iban: TEST_IBANS.succeeds, email: "a@example.test" });
    const paid = await stripe.paymentIntents.retrieve((await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string);
    const noMandate = await refusal(stripe.paymentIntents.create({ amount: 1000, currency: "eur", payment_method: paid.payment_method as string, confirm: true, off_session: true }));
    expect(noMandate).toMatchObject({ statusCode: 400, param: "mandate_data", code: "parameter_missing" });

    const customer = await stripe.customers.create({});
    const { paymentMethod } = await saveSepaMandate(stripe, customer.id);
    const usd = await refusal(stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: customer.id, payment_method: paymentMethod, confirm: true, off_session: true }));
    expect(usd).toMatchObject({ statusCode: 400, param: "currency" });
    const cardsOnly = await refusal(stripe.paymentIntents.create({ amount: 1000, currency: "eur", customer: customer.id, payment_method: paymentMethod, confirm: true, off_session: true, allowed_payment_method_types: ["card"] } as Stripe.PaymentIntentCreateParams));
    expect(cardsOnly).toMatchObject({ statusCode: 400, param: "payment_method" });
  });

  it("a SetupIntent made through the API with an IBAN (payment_method_data) and the payer's online acceptance gets a mandate", async () => {
    const { stripe } = account();
    const customer = await stripe.customers.create({});
    const si = await stripe.setupIntents.create({
      customer: customer.id,
      payment_method_data: { type: "sepa_debit", sepa_debit: { iban: TEST_IBANS.succeeds }, billing_details: { name: "Jeanne Martin", email: "jeanne@example.test" } },
      mandate_data: { customer_acceptance: { type: "online", online: { ip_address: "198.51.100.7", user_agent: "contract" } } },
      confirm: true,
    });
    expect(si).toMatchObject({ status: "succeeded", mandate: expect.stringMatching(/^mandate_/) });
    expect(await stripe.mandates.retrieve(si.mandate as string)).toMatchObject({ customer_acceptance: { type: "online", online: { ip_address: "198.51.100.7" } }, payment_method: si.payment_method });
    const bad = await refusal(stripe.setupIntents.create({ customer: customer.id, payment_method_data: { type: "sepa_debit", sepa_debit: { iban: "DE00370400440532013000" } }, confirm: true }));
    expect(bad).toMatchObject({ statusCode: 400, param: "payment_method_data[sepa_debit][iban]" });
  });

  it("a SetupIntent confirmed through the API with a SEPA method and no mandate_data is refused", async () => {
    const { stripe } = account();
    const customer = await stripe.customers.create({});
    const { paymentMethod } = await saveSepaMandate(stripe, customer.id);
    const refused = await refusal(stripe.setupIntents.create({ customer: customer.id, payment_method: paymentMethod, confirm: true }));
    expect(refused).toMatchObject({ statusCode: 400, param: "mandate_data" });
  });

  it("a subscription on a SEPA default: active with its invoice open while the debit processes, paid when it succeeds", async () => {
    const { key, stripe } = account();
    const customer = await stripe.customers.create({});
    const { paymentMethod } = await saveSepaMandate(stripe, customer.id);
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: paymentMethod } });
    const price = await monthlyPrice(stripe, 3000);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], off_session: true, expand: ["latest_invoice.payments"] });
    const invoice = sub.latest_invoice as Stripe.Invoice;
    expect(sub.status).toBe("active");
    expect(invoice).toMatchObject({ status: "open", attempted: true, amount_paid: 0 });
    const piId = invoice.payments!.data[0].payment.payment_intent as string;
    expect(await stripe.paymentIntents.retrieve(piId)).toMatchObject({ status: "processing" });

    await control("debits/settle", { apiKey: key });
    expect(await stripe.invoices.retrieve(invoice.id!)).toMatchObject({ status: "paid", amount_paid: 3000 });
    expect(await stripe.paymentIntents.retrieve(piId)).toMatchObject({ status: "succeeded" });
  });

  it("a subscription invoice debited from the failing IBAN stays open and its PaymentIntent fails", async () => {
    const { key, stripe } = account();
    const customer = await stripe.customers.create({});
    const { paymentMethod } = await saveSepaMandate(stripe, customer.id, TEST_IBANS.fails);
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: paymentMethod } });
    const price = await monthlyPrice(stripe, 3000);
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }], off_session: true });
    await control("debits/settle", { apiKey: key });
    const invoice = await stripe.invoices.retrieve(sub.latest_invoice as string, { expand: ["payments"] });
    expect(invoice).toMatchObject({ status: "open", amount_paid: 0 });
    const piId = invoice.payments!.data[0].payment.payment_intent as string;
    expect(await stripe.paymentIntents.retrieve(piId)).toMatchObject({ status: "requires_payment_method", last_payment_error: { code: "insufficient_funds" } });
    const events = (await stripe.events.list({ limit: 100 })).data.map((e) => e.type);
    expect(events).toContain("invoice.payment_failed");
    expect(events).not.toContain("invoice.paid");
  });
});
