import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ledgerEntries, refunds, type Invoice, type Refund } from "@/db/schema";
import { appendLedgerEntry, dayInDojo } from "@/lib/ledger/append";
import { undoRefund } from "@/lib/invoices/amounts";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { PAYMENTS_LEDGER_CATEGORY } from "@/lib/payments/record-payment";
import { queueRefundFailedMails } from "./refund-failed-mail";

// Stripe's failure_reason values (https://docs.stripe.com/api/refunds/object#refund_object-failure_reason), in words.
const REASONS: Record<string, string> = {
  expired_or_canceled_card: "the card has expired or was cancelled",
  lost_or_stolen_card: "the card was reported lost or stolen",
  declined: "the card's bank declined it",
  merchant_request: "it was cancelled on request",
  insufficient_funds: "the Stripe balance did not cover it",
  unknown: "the bank gave no reason",
};

export function refundFailureText(status: string, failureReason: string | null | undefined): string {
  if (status === "canceled") return "the refund was cancelled";
  return REASONS[failureReason ?? "unknown"] ?? failureReason ?? REASONS.unknown;
}

/** The key of the ledger entry that books a failed refund back: one per refund. */
export const reversalKey = (stripeRefundId: string) => `${stripeRefundId}:failed`;

export interface ReversedRefund {
  refund: Refund;
  /** False when this refund's failure was already booked. */
  created: boolean;
  invoice: Invoice;
}

/**
 * A booked Stripe refund came back failed or canceled: the money never reached the card holder
 * and is in the dojo's Stripe balance again. The ledger being append-only, a new positive entry
 * (keyed by the refund, so a second delivery books nothing) reverses the refund's negative one;
 * the refund row stays, marked failed, so the invoice shows what happened; the invoice's refunded
 * amount goes down again, so that amount can be refunded once more — the invoice's own status
 * does not change, as refunds never change it. The owners are mailed through the job queue, in
 * this transaction. Null when Tatami never booked this refund (nothing to reverse).
 */
export async function reverseFailedRefund(tx: Tx, input: { dojoId: string; stripeRefundId: string; status: string; failureReason?: string | null }): Promise<ReversedRefund | null> {
  const [found] = await tx.select({ invoiceId: refunds.invoiceId }).from(refunds).where(and(eq(refunds.dojoId, input.dojoId), eq(refunds.stripeRefundId, input.stripeRefundId)));
  if (!found) return null;
  // The invoice lock orders this with a concurrent refund or recording of the same invoice.
  const invoice = await lockInvoice(tx, input.dojoId, found.invoiceId);
  const [refund] = await tx.select().from(refunds).where(eq(refunds.stripeRefundId, input.stripeRefundId)).for("update");
  if (refund.failedAt) return { refund, created: false, invoice };

  const reason = refundFailureText(input.status, input.failureReason);
  const [failed] = await tx.update(refunds).set({ failedAt: new Date(), failureReason: reason }).where(eq(refunds.id, refund.id)).returning();
  const [booked] = await tx.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.refundKey, input.stripeRefundId));
  await appendLedgerEntry(tx, {
    dojoId: input.dojoId,
    date: dayInDojo(input.dojoId, new Date()),
    kind: "revenue",
    category: PAYMENTS_LEDGER_CATEGORY,
    description: `Refund of invoice ${invoice.number} failed · ${reason}`,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    invoiceId: invoice.id,
    correctsEntryId: booked?.id ?? null,
    refundKey: reversalKey(input.stripeRefundId),
  });
  const updated = await undoRefund(tx, invoice, refund.amountMinor);
  await queueRefundFailedMails(tx, { id: refund.id, dojoId: input.dojoId });
  return { refund: failed, created: true, invoice: updated };
}
