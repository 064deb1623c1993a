import { randomUUID } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { ledgerEntries, refunds } from "@/db/schema";
import { refundCardPaymentAction } from "@/app/(staff)/invoices/[id]/refund-actions";
import { control } from "@tatami/stripe-emulator/test-support";
import { ledgerFilterFrom } from "@/lib/ledger/filters";
import { listLedgerEntries } from "@/lib/ledger/list-entries";
import { stripeFor } from "@/lib/stripe/client";
import { dojoWithStripe, forwardWebhooks, paidCardInvoice, paymentState, webhookEvent } from "../support/card-payment";
import { createStaff, signedInDojo, signInAsStaff } from "../support/factories";
import { handleUnclaimed } from "../support/handle-event";

async function refundState(invoiceId: string) {
  const db = await getDb();
  const state = await paymentState(invoiceId);
  const rows = await db.select().from(refunds).where(eq(refunds.invoiceId, invoiceId));
  const negative = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.invoiceId, invoiceId), lt(ledgerEntries.amountMinor, 0)));
  return { ...state, refunds: rows, negative };
}

const refund = (paymentId: string, amount: string, opts: { reason?: string; nonce?: string } = {}) =>
  refundCardPaymentAction({ paymentId, amount, reason: opts.reason ?? "Injured, missed the month", nonce: opts.nonce ?? randomUUID() });

describe("refunding a card payment", () => {
  it("refunds half: Stripe refund with our metadata, one refund row, one negative revenue entry, the invoice shows it and stays paid", async () => {
    const { dojo, stripe, owner } = await dojoWithStripe();
    const { invoice, payment } = await paidCardInvoice(dojo);
    const result = await refund(payment.id, "25.00");
    expect(result).toMatchObject({ ok: true, data: { amountMinor: 2500, currency: "EUR", created: true, invoiceId: invoice.id } });

    const inStripe = (await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data;
    expect(inStripe).toEqual([expect.objectContaining({ amount: 2500, status: "succeeded", metadata: expect.objectContaining({ tatami_payment_id: payment.id, tatami_reason: "Injured, missed the month" }) })]);
    const state = await refundState(invoice.id);
    expect(state.refunds).toEqual([expect.objectContaining({ amountMinor: 2500, currency: "EUR", stripeRefundId: inStripe[0].id, reason: "Injured, missed the month", createdBy: owner.id, paymentId: payment.id })]);
    expect(state.negative).toEqual([expect.objectContaining({ amountMinor: -2500, kind: "revenue", refundKey: inStripe[0].id, correctsEntryId: state.entries.find((e) => e.amountMinor > 0)!.id })]);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000, refundedMinor: 2500 });

    // The ledger lists the refund as such; the payment's revenue is not "corrected" by it.
    const { rows } = await listLedgerEntries(await getDb(), dojo.id, ledgerFilterFrom({ period: "forever" }));
    expect(rows.filter((r) => r.invoiceId === invoice.id).map((r) => [r.amountMinor, r.corrected, !!r.refundKey])).toEqual(
      expect.arrayContaining([
        [5000, false, false],
        [-2500, false, true],
      ]),
    );
  });

  it("a double click and the charge.refunded webhook for the same refund, all at once: one refund, one negative entry", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { invoice, payment } = await paidCardInvoice(dojo);
    const nonce = randomUUID();
    const clicks = await Promise.all([refund(payment.id, "20.00", { nonce }), refund(payment.id, "20.00", { nonce })]);
    expect(clicks.map((c) => c.ok)).toEqual([true, true]);

    const [made] = (await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data;
    const event = await webhookEvent(stripe, "charge.refunded", made.charge as string);
    const ctx = { dojoId: dojo.id, stripe: stripeFor(secretKey), event };
    // A third click racing the webhook (and a redelivery of it).
    const raced = await Promise.all([refund(payment.id, "20.00", { nonce }), handleUnclaimed(ctx), handleUnclaimed(ctx)]);
    expect(raced[0]).toMatchObject({ ok: true, data: { amountMinor: 2000, created: false } });
    expect(raced.slice(1)).toEqual(["ignored", "ignored"]);

    expect((await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data).toHaveLength(1);
    const state = await refundState(invoice.id);
    expect(state.refunds).toHaveLength(1);
    expect(state.negative).toEqual([expect.objectContaining({ amountMinor: -2000 })]);
    expect(state.invoice.refundedMinor).toBe(2000);
  });

  it("the webhook records the refund before the staff action does: the action finds it, nothing twice", async () => {
    const { dojo, stripe, secretKey, owner } = await dojoWithStripe();
    const { invoice, payment } = await paidCardInvoice(dojo);
    const nonce = randomUUID();
    // Stripe makes the refund (as the action's call would, same key and parameters) and reports it first.
    const made = await stripe.refunds.create(
      { payment_intent: payment.stripePaymentIntentId!, amount: 1500, metadata: { tatami_dojo_id: dojo.id, tatami_payment_id: payment.id, tatami_reason: "Double booking" } },
      { idempotencyKey: `refund-${payment.id}-${nonce}` },
    );
    const event = await webhookEvent(stripe, "charge.refunded", made.charge as string);
    expect(await handleUnclaimed({ dojoId: dojo.id, stripe: stripeFor(secretKey), event })).toBe("processed");

    expect(await refund(payment.id, "15.00", { nonce, reason: "Double booking" })).toMatchObject({ ok: true, data: { created: false, amountMinor: 1500 } });
    const state = await refundState(invoice.id);
    expect(state.refunds).toEqual([expect.objectContaining({ stripeRefundId: made.id, reason: "Double booking", createdBy: null })]);
    expect(state.negative).toHaveLength(1);
    expect(owner.id).toBeTruthy();
  });

  it("partial refunds add up; more than the rest is refused, and a fully refunded payment refuses more", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { invoice, payment } = await paidCardInvoice(dojo);
    expect(await refund(payment.id, "10.00")).toMatchObject({ ok: true });
    expect(await refund(payment.id, "15,00")).toMatchObject({ ok: true });
    const over = await refund(payment.id, "25.01");
    expect(over).toEqual({ ok: false, error: "Please correct the highlighted fields.", fieldErrors: { amount: ["At most €25.00 can still be refunded"] } });
    expect(await refund(payment.id, "0")).toMatchObject({ ok: false, fieldErrors: { amount: ["The refund must be more than zero"] } });
    expect(await refund(payment.id, "1.001")).toMatchObject({ ok: false, fieldErrors: { amount: ["EUR amounts have at most 2 decimals"] } });
    expect(await refund(payment.id, "25.00")).toMatchObject({ ok: true });
    expect(await refund(payment.id, "1.00")).toEqual({ ok: false, error: "This payment has been refunded in full." });

    expect((await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data.map((r) => r.amount).sort()).toEqual([1000, 1500, 2500]);
    const state = await refundState(invoice.id);
    expect(state.refunds.map((r) => r.amountMinor).sort()).toEqual([1000, 1500, 2500]);
    expect(state.negative.reduce((sum, e) => sum + e.amountMinor, 0)).toBe(-5000);
    expect(state.invoice).toMatchObject({ status: "paid", refundedMinor: 5000 });
  });

  it("a refund made in the Stripe dashboard arrives through charge.refunded, signed by the emulator, and is recorded once", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const webhooks = await forwardWebhooks(dojo.id, stripe);
    try {
      const { invoice, payment } = await paidCardInvoice(dojo);
      // The dashboard: the dojo's own secret key, straight against Stripe, no Tatami involved.
      const made = await stripe.refunds.create({ payment_intent: payment.stripePaymentIntentId!, amount: 1200, reason: "requested_by_customer" });
      await webhooks.waitFor((a) => a.some((x) => x.type === "charge.refunded"));
      expect(webhooks.answers.filter((x) => x.type === "charge.refunded")).toEqual([{ type: "charge.refunded", status: 200, result: "processed" }]);

      const state = await refundState(invoice.id);
      expect(state.refunds).toEqual([expect.objectContaining({ stripeRefundId: made.id, amountMinor: 1200, reason: "Requested by the customer", createdBy: null })]);
      expect(state.negative).toEqual([expect.objectContaining({ amountMinor: -1200, refundKey: made.id })]);
      expect(state.invoice.refundedMinor).toBe(1200);

      // A later staff refund counts the dashboard's: only the rest can go.
      expect(await refund(payment.id, "38.01")).toMatchObject({ ok: false, fieldErrors: { amount: ["At most €38.00 can still be refunded"] } });
      expect(await refund(payment.id, "38.00")).toMatchObject({ ok: true });
      await webhooks.waitFor((a) => a.filter((x) => x.type === "charge.refunded").length === 2);
      const after = await refundState(invoice.id);
      expect(after.refunds).toHaveLength(2);
      expect(after.negative).toHaveLength(2);
      expect(after.invoice.refundedMinor).toBe(5000);
    } finally {
      await webhooks.close();
    }
  });

  it("Stripe failing leaves nothing written; a retry after a 500 reuses the idempotency key", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { invoice, payment } = await paidCardInvoice(dojo);
    // The client tries three times (maxNetworkRetries: 2): down for good.
    await control("faults", { method: "POST", path: "/v1/refunds", apiKey: secretKey, count: 3, status: 500 });
    const down = await refund(payment.id, "10.00");
    expect(down).toEqual({ ok: false, error: expect.stringMatching(/^Stripe could not be reached or had a problem\. Nothing was recorded/) });
    let state = await refundState(invoice.id);
    expect(state.refunds).toEqual([]);
    expect(state.negative).toEqual([]);
    expect(state.invoice.refundedMinor).toBe(0);
    expect((await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data).toEqual([]);

    // One 500, then the SDK retries with the same key: one refund.
    await control("faults", { method: "POST", path: "/v1/refunds", apiKey: secretKey, count: 1, status: 500 });
    expect(await refund(payment.id, "10.00")).toMatchObject({ ok: true, data: { created: true } });
    expect((await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data).toHaveLength(1);

    // Stripe refuses (the charge was refunded in full in the dashboard, its webhook not here yet).
    await stripe.refunds.create({ payment_intent: payment.stripePaymentIntentId! });
    const refused = await refund(payment.id, "5.00");
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Stripe refused the refund: .* Nothing was refunded\.$/) });
    state = await refundState(invoice.id);
    expect(state.refunds).toHaveLength(1);
    expect(state.negative).toHaveLength(1);
  });

  it("refunds JPY in yen: minor units as they are, no decimals", async () => {
    const { dojo, stripe } = await dojoWithStripe({ currency: "JPY" });
    const { invoice, payment } = await paidCardInvoice(dojo, { unitPrice: "2500" });
    expect(payment).toMatchObject({ amountMinor: 5000, currency: "JPY" });
    expect(await refund(payment.id, "1000.5")).toMatchObject({ ok: false, fieldErrors: { amount: ["JPY amounts have no decimals"] } });
    expect(await refund(payment.id, "1000")).toMatchObject({ ok: true, data: { amountMinor: 1000, currency: "JPY" } });
    expect((await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data).toEqual([expect.objectContaining({ amount: 1000, currency: "jpy" })]);
    const state = await refundState(invoice.id);
    expect(state.negative).toEqual([expect.objectContaining({ amountMinor: -1000, currency: "JPY" })]);
    expect(state.invoice.refundedMinor).toBe(1000);
  });

  it("is for owners and managers of an Ultimate dojo, and only for the dojo's own card payments", async () => {
    const { dojo, stripe, signInOwner } = await dojoWithStripe();
    const { invoice, payment } = await paidCardInvoice(dojo);

    signInAsStaff(await createStaff(dojo.id, "staff"));
    expect(await refund(payment.id, "1.00")).toEqual({ ok: false, error: "Your role does not allow this." });
    signInAsStaff(await createStaff(dojo.id, "manager"));
    expect(await refund(payment.id, "1.00")).toMatchObject({ ok: true });

    // Another dojo, connected to Stripe too, cannot refund (or learn about) this payment.
    await dojoWithStripe();
    expect(await refund(payment.id, "1.00")).toEqual({ ok: false, error: "Payment was not found." });
    expect(await refund("00000000-0000-4000-8000-000000000000", "1.00")).toEqual({ ok: false, error: "Payment was not found." });

    // A Pro dojo is refused before anything is looked up.
    await signedInDojo({ plan: "pro" });
    expect(await refund(payment.id, "1.00")).toMatchObject({ ok: false, error: expect.stringContaining("part of the Ultimate plan") });

    signInOwner();
    expect((await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data).toHaveLength(1);
    expect((await refundState(invoice.id)).refunds).toHaveLength(1);
  });
});
