import { describe, expect, it, vi } from "vitest";
import { openInvoiceCheckoutAction, confirmInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { savePaymentMethods } from "@/app/(staff)/settings/stripe/actions";
import { TEST_IBANS, answerBankPage, control, submitBankMethod } from "@tatami/stripe-emulator/test-support";
import { pendingDelayedPayment } from "@/lib/payments/card/delayed-checkout";
import { getDb } from "@/db/client";
import { dojoWithStripe, inboxFor, openInvoiceFor, paymentState, sessionIdOf, webhookEvent } from "../support/card-payment";
import { deliverSignedEvent } from "../support/signed-event";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { actAs } from "../support/factories";
import { createProduct, openShop, orderState, sessionIdFromUrl, stockOf } from "../support/shop";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

// Issue 20, items 1 and 2: the dojo's payment methods reach Checkout; a SEPA debit books nothing
// until it succeeds, and a failed one reopens the invoice, tells the member and the owners, and
// books (and reverses) nothing.

async function sepaInvoice(methods: ("sepa_debit" | "ideal" | "bancontact")[] = ["sepa_debit", "ideal"]) {
  const ctx = await dojoWithStripe();
  expect(await savePaymentMethods({ methods })).toMatchObject({ ok: true });
  const { member, invoice } = await openInvoiceFor(ctx.dojo, { memberEmail: `sepa-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test` });
  const opened = await openInvoiceCheckoutAction({ invoiceId: invoice.id });
  if (!opened.ok) throw new Error(opened.error);
  return { ...ctx, member, invoice, sessionId: sessionIdOf(opened.data.clientSecret) };
}

async function deliver(dojoId: string, stripe: Parameters<typeof webhookEvent>[0], type: string, objectId: string) {
  return deliverSignedEvent(dojoId, await webhookEvent(stripe, type, objectId));
}

describe("payment methods per dojo", () => {
  it("passes the enabled methods to the invoice's Checkout Session; a USD dojo keeps cards only", async () => {
    const { stripe, sessionId } = await sepaInvoice(["sepa_debit", "ideal", "bancontact"]);
    expect(await stripe.checkout.sessions.retrieve(sessionId)).toMatchObject({ allowed_payment_method_types: ["card", "sepa_debit", "ideal", "bancontact"] });

    await dojoWithStripe({ currency: "USD" });
    expect(await savePaymentMethods({ methods: ["sepa_debit", "ideal"] })).toEqual({ ok: true, data: ["card"] });
  });
});

describe("a SEPA Direct Debit for an invoice", () => {
  it("books nothing while processing, shows the payment pending, then books once when it succeeds", async () => {
    const { dojo, stripe, invoice, sessionId, secretKey } = await sepaInvoice();
    await submitBankMethod(sessionId, "sepa_debit", { iban: TEST_IBANS.succeeds }, { embedded: true });
    expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "processing", invoiceStatus: "open", recorded: false } });
    expect(await deliver(dojo.id, stripe, "checkout.session.completed", sessionId)).toEqual({ status: 200, result: "ignored" });
    let state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.payments).toEqual([]);
    expect(state.entries).toEqual([]);
    expect(state.checkouts).toEqual([expect.objectContaining({ status: "processing", delayedMethod: "sepa_debit" })]);
    expect(await pendingDelayedPayment(await getDb(), dojo.id, invoice.id)).toEqual({ method: "sepa_debit", amountMinor: 5000, currency: "EUR" });
    // No second payment page while the bank decides.
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: false });

    await control("debits/settle", { apiKey: secretKey });
    expect(await deliver(dojo.id, stripe, "checkout.session.async_payment_succeeded", sessionId)).toEqual({ status: 200, result: "processed" });
    const pi = (await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string;
    expect((await deliver(dojo.id, stripe, "payment_intent.succeeded", pi)).status).toBe(200);
    state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toEqual([expect.objectContaining({ kind: "revenue", amountMinor: 5000 })]);
    expect(state.checkouts).toEqual([expect.objectContaining({ status: "closed" })]);
  });

  it("fails after processing: the invoice is payable again, nothing booked or reversed, member and owner told", async () => {
    const { dojo, stripe, invoice, member, owner, sessionId, secretKey } = await sepaInvoice();
    await submitBankMethod(sessionId, "sepa_debit", { iban: TEST_IBANS.fails }, { embedded: true });
    expect(await deliver(dojo.id, stripe, "checkout.session.completed", sessionId)).toEqual({ status: 200, result: "processed" });
    await control("debits/settle", { apiKey: secretKey });
    const pi = (await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string;
    // Either failure event may come first; the second finds nothing processing.
    expect(await deliver(dojo.id, stripe, "payment_intent.payment_failed", pi)).toEqual({ status: 200, result: "processed" });
    expect(await deliver(dojo.id, stripe, "checkout.session.async_payment_failed", sessionId)).toEqual({ status: 200, result: "ignored" });

    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.payments).toEqual([]);
    expect(state.entries).toEqual([]);
    expect(state.checkouts).toEqual([expect.objectContaining({ status: "closed" })]);
    expect(await pendingDelayedPayment(await getDb(), dojo.id, invoice.id)).toBeNull();
    expect((await inboxFor(member.email!)).map((m) => m.subject)).toContain("Your payment of €50.00 did not go through");
    expect((await inboxFor(owner.email)).some((m) => m.subject.startsWith("SEPA Direct Debit payment failed: €50.00"))).toBe(true);
    // Payable again.
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: true });
  });
});

describe("iDEAL for an invoice", () => {
  it("is paid at once once the bank authorizes, like a card", async () => {
    const { stripe, invoice, sessionId } = await sepaInvoice(["ideal"]);
    await submitBankMethod(sessionId, "ideal", {}, { embedded: true });
    const pi = (await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string;
    await answerBankPage(pi, "authorize", { embedded: true });
    expect(await confirmInvoiceCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { outcome: "paid", recorded: true } });
    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    expect(state.entries).toHaveLength(1);
  });
});

describe("a SEPA Direct Debit for a webshop order", () => {
  async function sepaOrder() {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    expect(await savePaymentMethods({ methods: ["sepa_debit"] })).toMatchObject({ ok: true });
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { name: "Gi", priceMinor: 4500, stock: 3 });
    actAs(null);
    const placed = await placeShopOrderAction({ slug: dojo.slug, name: "Buyer", email: `buyer-${Date.now()}@example.test`, phone: "+386 40 123 456", payment: "card", items: [{ productId: gi.id, quantity: 2 }] });
    if (!placed.ok) throw new Error(placed.error);
    return { dojo, stripe, secretKey, gi, orderId: placed.data.orderId, sessionId: sessionIdFromUrl(placed.data.redirectUrl) };
  }

  it("keeps the items while processing (past the card reservation), books nothing, and frees them when the debit fails", async () => {
    const { dojo, stripe, secretKey, gi, orderId, sessionId } = await sepaOrder();
    await submitBankMethod(sessionId, "sepa_debit", { iban: TEST_IBANS.fails });
    expect(await deliver(dojo.id, stripe, "checkout.session.completed", sessionId)).toEqual({ status: 200, result: "processed" });
    let state = await orderState(orderId);
    expect(state.order).toMatchObject({ status: "pending", stockTaken: true, reservedUntil: null, invoiceId: null });
    expect(state.payments).toEqual([]);
    expect(state.entries).toEqual([]);
    expect(await stockOf(gi.id)).toBe(1);

    await control("debits/settle", { apiKey: secretKey });
    expect(await deliver(dojo.id, stripe, "checkout.session.async_payment_failed", sessionId)).toEqual({ status: 200, result: "processed" });
    state = await orderState(orderId);
    expect(state.order).toMatchObject({ status: "cancelled", stockTaken: false });
    expect(state.entries).toEqual([]);
    expect(await stockOf(gi.id)).toBe(3);
  });

  it("books the order once the debit succeeds", async () => {
    const { dojo, stripe, secretKey, gi, orderId, sessionId } = await sepaOrder();
    await submitBankMethod(sessionId, "sepa_debit", { iban: TEST_IBANS.succeeds });
    expect((await deliver(dojo.id, stripe, "checkout.session.completed", sessionId)).result).toBe("processed");
    await control("debits/settle", { apiKey: secretKey });
    expect(await deliver(dojo.id, stripe, "checkout.session.async_payment_succeeded", sessionId)).toEqual({ status: 200, result: "processed" });
    const state = await orderState(orderId);
    expect(state.order).toMatchObject({ status: "paid", stockTaken: true });
    expect(state.entries).toEqual([expect.objectContaining({ kind: "revenue", amountMinor: 9000 })]);
    expect(await stockOf(gi.id)).toBe(1);
  });
});
