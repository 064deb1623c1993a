import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobs, ledgerEntries, refunds } from "@/db/schema";
import { refundCardPaymentAction } from "@/app/(staff)/invoices/[id]/refund-actions";
import { control } from "@tatami/stripe-emulator/test-support";
import { MAIL_JOB_PREFIX } from "@/lib/jobs/queue";
import { refundFailedMail } from "@/lib/payments/refunds/refund-failed-mail";
import { runDueJobs } from "@/lib/jobs/worker";
import { stripeFor } from "@/lib/stripe/client";
import { dispatchEvent } from "@/lib/stripe/webhooks/dispatch";
import { dojoWithStripe, forwardWebhooks, inboxFor, paidCardInvoice, paymentState, webhookEvent } from "../support/card-payment";
import { handleUnclaimed } from "../support/handle-event";

const REFUND_FAILED_MAIL_JOB = `${MAIL_JOB_PREFIX}${refundFailedMail.name}`;

/** Card 4000 0000 0000 5126: the charge succeeds, every refund of it fails later (Stripe test mode). */
const REFUND_FAILS = "4000000000005126";

async function books(invoiceId: string) {
  const db = await getDb();
  const state = await paymentState(invoiceId);
  const refundRows = await db.select().from(refunds).where(eq(refunds.invoiceId, invoiceId));
  const ledger = await db.select().from(ledgerEntries).where(eq(ledgerEntries.invoiceId, invoiceId)).orderBy(ledgerEntries.createdAt);
  return { ...state, refunds: refundRows, ledger, ledgerSum: ledger.reduce((sum, e) => sum + e.amountMinor, 0) };
}

describe("a refund that fails after Stripe said succeeded (charge.refund.updated)", () => {
  it("is booked back once: a reversing ledger entry, the amount refundable again, the refund shown as failed, the owners mailed once", async () => {
    const { dojo, owner, stripe, secretKey } = await dojoWithStripe();
    const { invoice, payment, member } = await paidCardInvoice(dojo, { card: REFUND_FAILS });
    const webhooks = await forwardWebhooks(dojo.id, stripe);
    try {
      const made = await refundCardPaymentAction({ paymentId: payment.id, amount: "20.00", reason: "Missed two lessons", nonce: randomUUID() });
      expect(made).toMatchObject({ ok: true, data: { amountMinor: 2000 } });
      let state = await books(invoice.id);
      expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000, refundedMinor: 2000 });
      expect(state.ledgerSum).toBe(3000);

      // Days later the card's bank sends it back.
      const [stripeRefund] = (await stripe.refunds.list({ payment_intent: payment.stripePaymentIntentId! })).data;
      expect(await control("refunds/settle", { apiKey: secretKey })).toEqual({ failed: [stripeRefund.id] });
      await webhooks.waitFor((a) => a.some((x) => x.type === "charge.refund.updated"));
      expect(webhooks.answers.filter((x) => x.type === "charge.refund.updated")).toEqual([{ type: "charge.refund.updated", status: 200, result: "processed" }]);

      state = await books(invoice.id);
      expect(state.refunds).toEqual([expect.objectContaining({ stripeRefundId: stripeRefund.id, amountMinor: 2000, failedAt: expect.any(Date), failureReason: "the card has expired or was cancelled" })]);
      const refundEntry = state.ledger.find((e) => e.refundKey === stripeRefund.id)!;
      expect(refundEntry.amountMinor).toBe(-2000);
      // Append-only: the refund's entry stays, a new one books it back.
      expect(state.ledger.filter((e) => e.refundKey === `${stripeRefund.id}:failed`)).toEqual([
        expect.objectContaining({ kind: "revenue", amountMinor: 2000, correctsEntryId: refundEntry.id, description: expect.stringContaining("failed") }),
      ]);
      expect(state.ledgerSum).toBe(5000);
      expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000, refundedMinor: 0 });

      // The same event again (a redelivery or reconciliation), and the handler run again directly: nothing more.
      const db = await getDb();
      const event = await webhookEvent(stripe, "charge.refund.updated", stripeRefund.id);
      expect(await dispatchEvent(db, dojo.id, stripeFor(secretKey), event)).toBe("duplicate");
      expect(await handleUnclaimed({ dojoId: dojo.id, stripe: stripeFor(secretKey), event })).toBe("ignored");
      const again = await books(invoice.id);
      expect(again.ledger).toHaveLength(state.ledger.length);
      expect(again.invoice.refundedMinor).toBe(0);

      // The owners hear of it once, through the job queue.
      expect(await db.select().from(jobs).where(and(eq(jobs.kind, REFUND_FAILED_MAIL_JOB), eq(jobs.dojoId, dojo.id)))).toHaveLength(1);
      await runDueJobs(db);
      await runDueJobs(db);
      const mail = (await inboxFor(owner.email)).filter((m) => m.subject.startsWith("Refund failed"));
      expect(mail).toEqual([expect.objectContaining({ subject: `Refund failed: €20.00 to ${member.firstName} ${member.lastName} (invoice ${invoice.number})` })]);
      expect(mail[0].text).toContain("the card has expired or was cancelled");

      // The whole payment can be refunded again; no more than that.
      expect(await refundCardPaymentAction({ paymentId: payment.id, amount: "50.01", reason: "Again", nonce: randomUUID() })).toMatchObject({
        ok: false,
        fieldErrors: { amount: ["At most €50.00 can still be refunded"] },
      });
    } finally {
      await webhooks.close();
    }
  });

  it("a failed refund Tatami never booked, and a refund still succeeded, change nothing", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const { invoice, payment } = await paidCardInvoice(dojo);
    const db = await getDb();
    const ctx = (event: Stripe.Event) => ({ dojoId: dojo.id, stripe: stripeFor(secretKey), event });
    // Still succeeded: nothing to book back.
    const ok = await stripe.refunds.create({ payment_intent: payment.stripePaymentIntentId!, amount: 1000 });
    const stillFine = await webhookEvent(stripe, "refund.created", ok.id);
    expect(await handleUnclaimed(ctx({ ...stillFine, type: "charge.refund.updated" } as Stripe.Event))).toBe("ignored");
    // Failed, but of a charge made outside Tatami: nothing was booked, nothing to reverse.
    const elsewhere = await stripe.paymentIntents.create({ amount: 3000, currency: "eur", payment_method: "pm_card_refundFail", confirm: true });
    const lost = await stripe.refunds.create({ payment_intent: elsewhere.id });
    await control("refunds/settle", { apiKey: secretKey });
    const failedElsewhere = await webhookEvent(stripe, "charge.refund.updated", lost.id);
    expect(await handleUnclaimed(ctx(failedElsewhere))).toBe("ignored");
    expect((await books(invoice.id)).ledger).toHaveLength(1);
    expect(await db.select().from(jobs).where(and(eq(jobs.kind, REFUND_FAILED_MAIL_JOB), eq(jobs.dojoId, dojo.id)))).toEqual([]);
  });
});
