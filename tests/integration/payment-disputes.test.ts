import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { savePaymentMethods } from "@/app/(staff)/settings/stripe/actions";
import { TEST_IBANS, control, submitBankMethod } from "@tatami/stripe-emulator/test-support";
import { dojoWithStripe, inboxFor, openInvoiceFor, paidCardInvoice, paymentState, sessionIdOf, webhookEvent } from "../support/card-payment";
import { deliverSignedEvent } from "../support/signed-event";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

// Issue 20, item 2: a payment the payer's bank takes back after it succeeded (a returned SEPA
// debit, a card dispute the dojo lost) is booked back once: negative revenue correcting the
// payment's entry, the invoice open again, the payment marked disputed, member and owners mailed.

const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;

async function disputeOf(stripe: Stripe, paymentIntentId: string) {
  const [dispute] = (await stripe.disputes.list({ payment_intent: paymentIntentId })).data;
  return dispute;
}

describe("a returned SEPA debit", () => {
  async function disputedDebit() {
    const ctx = await dojoWithStripe();
    expect(await savePaymentMethods({ methods: ["sepa_debit"] })).toMatchObject({ ok: true });
    const { member, invoice } = await openInvoiceFor(ctx.dojo, { memberEmail: uniqueEmail("sepa-dispute") });
    const opened = await openInvoiceCheckoutAction({ invoiceId: invoice.id });
    if (!opened.ok) throw new Error(opened.error);
    const sessionId = sessionIdOf(opened.data.clientSecret);
    await submitBankMethod(sessionId, "sepa_debit", { iban: TEST_IBANS.disputed }, { embedded: true });
    await control("debits/settle", { apiKey: ctx.secretKey });
    const paymentIntentId = (await ctx.stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string;
    const dispute = await disputeOf(ctx.stripe, paymentIntentId);
    return { ...ctx, member, invoice, sessionId, paymentIntentId, dispute, disputeEvent: await webhookEvent(ctx.stripe, "charge.dispute.created", dispute.id) };
  }

  it("books the payment back once, reopens the invoice, marks the payment and tells the member and the owner", async () => {
    const { dojo, stripe, owner, member, invoice, sessionId, dispute, disputeEvent } = await disputedDebit();
    expect(dispute).toMatchObject({ status: "lost", amount: 5000 });
    expect((await deliverSignedEvent(dojo.id, await webhookEvent(stripe, "checkout.session.async_payment_succeeded", sessionId))).result).toBe("processed");
    expect((await paymentState(invoice.id)).invoice).toMatchObject({ status: "paid", paidMinor: 5000 });

    expect(await deliverSignedEvent(dojo.id, disputeEvent)).toEqual({ status: 200, result: "processed" });
    // A second delivery is known by its event id; another event saying the same (a closed event
    // for the same lost dispute) finds it booked: nothing more either way.
    expect(await deliverSignedEvent(dojo.id, disputeEvent)).toEqual({ status: 200, result: "duplicate" });
    expect(await deliverSignedEvent(dojo.id, { ...disputeEvent, id: `${disputeEvent.id}_closed`, type: "charge.dispute.closed" } as Stripe.Event)).toEqual({ status: 200, result: "ignored" });

    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0, paidAt: null });
    expect(state.payments).toEqual([expect.objectContaining({ amountMinor: 5000, stripeDisputeId: dispute.id, disputedMinor: 5000, disputeReason: "general" })]);
    const revenue = state.entries.find((e) => e.paymentId === state.payments[0].id)!;
    expect(state.entries).toHaveLength(2);
    expect(state.entries.find((e) => e.id !== revenue.id)).toMatchObject({ amountMinor: -5000, category: "Invoice payments", correctsEntryId: revenue.id, refundKey: dispute.id });
    expect(state.entries.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(0);

    expect((await inboxFor(member.email!)).map((m) => m.subject)).toContain("Your payment of €50.00 was returned by your bank");
    expect((await inboxFor(owner.email)).map((m) => m.subject)).toContain(`Payment disputed: €50.00 from ${member.firstName} ${member.lastName} (invoice ${invoice.number})`);
    // Payable again.
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: true });
  });

  it("arriving before the payment was recorded, records it and books it back in the same step", async () => {
    const { dojo, stripe, invoice, sessionId, paymentIntentId, disputeEvent } = await disputedDebit();
    expect(await deliverSignedEvent(dojo.id, disputeEvent)).toEqual({ status: 200, result: "processed" });
    let state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.entries.map((e) => e.amountMinor).sort()).toEqual([-5000, 5000]);
    // The success events, late, find the payment recorded: nothing more is booked.
    for (const [type, id] of [["checkout.session.async_payment_succeeded", sessionId], ["payment_intent.succeeded", paymentIntentId]] as const) {
      expect((await deliverSignedEvent(dojo.id, await webhookEvent(stripe, type, id))).status).toBe(200);
    }
    state = await paymentState(invoice.id);
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toHaveLength(2);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.checkouts.every((c) => c.status !== "processing")).toBe(true);
  });
});

describe("a card dispute", () => {
  it("books nothing while it is open or won; lost (closed), it is booked back once", async () => {
    const { dojo, stripe, owner } = await dojoWithStripe();
    const { invoice, payment } = await paidCardInvoice(dojo, { card: "4000000000000259" });
    const dispute = await disputeOf(stripe, payment.stripePaymentIntentId!);
    expect(dispute).toMatchObject({ status: "needs_response", reason: "fraudulent" });
    expect(await deliverSignedEvent(dojo.id, await webhookEvent(stripe, "charge.dispute.created", dispute.id))).toEqual({ status: 200, result: "ignored" });
    expect((await paymentState(invoice.id)).invoice).toMatchObject({ status: "paid", paidMinor: 5000 });

    await stripe.disputes.close(dispute.id);
    const closed = await webhookEvent(stripe, "charge.dispute.closed", dispute.id);
    expect(await deliverSignedEvent(dojo.id, closed)).toEqual({ status: 200, result: "processed" });
    expect(await deliverSignedEvent(dojo.id, closed)).toEqual({ status: 200, result: "duplicate" });
    // The old "needs_response" snapshot arriving late changes nothing.
    const created = await webhookEvent(stripe, "charge.dispute.created", dispute.id);
    expect(await deliverSignedEvent(dojo.id, { ...created, id: `${created.id}_late` } as Stripe.Event)).toEqual({ status: 200, result: "ignored" });
    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.payments[0]).toMatchObject({ stripeDisputeId: dispute.id, disputedMinor: 5000, disputeReason: "fraudulent" });
    expect(state.entries.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(0);
    expect((await inboxFor(owner.email)).some((m) => m.subject.startsWith("Payment disputed: €50.00"))).toBe(true);

    const won = await paidCardInvoice(dojo, { card: "4000000000000259" });
    const wonDispute = await disputeOf(stripe, won.payment.stripePaymentIntentId!);
    await stripe.disputes.update(wonDispute.id, { evidence: { uncategorized_text: "winning_evidence" } });
    expect(await deliverSignedEvent(dojo.id, await webhookEvent(stripe, "charge.dispute.closed", wonDispute.id))).toEqual({ status: 200, result: "ignored" });
    expect((await paymentState(won.invoice.id)).invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    expect((await paymentState(won.invoice.id)).entries.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(5000);
  });
});
