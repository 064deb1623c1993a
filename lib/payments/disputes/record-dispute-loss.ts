import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { ledgerEntries, payments, type Invoice, type Payment } from "@/db/schema";
import { removeDisputedPayment } from "@/lib/invoices/amounts";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { appendLedgerEntry, dayInDojo } from "@/lib/ledger/append";
import { PAYMENTS_LEDGER_CATEGORY } from "@/lib/payments/record-payment";
import { queueDisputeLostMails } from "./dispute-lost-mail";

export interface DisputeLossInput {
  dojoId: string;
  /** The payment taken back, found by its PaymentIntent (what Stripe's dispute names). */
  stripePaymentIntentId: string;
  stripeDisputeId: string;
  amountMinor: number;
  currency: string;
  /** Stripe's reason code ("general", "fraudulent", …), kept as sent. */
  reason: string | null;
  lostAt: Date;
}

export interface RecordedDisputeLoss {
  payment: Payment;
  /** False when this dispute was already booked (a second delivery, the other event). */
  created: boolean;
  invoice: Invoice;
}

/**
 * A dispute the dojo lost: a SEPA debit returned by the payer's bank (final from the start) or a
 * card dispute closed as lost. The money is gone from the Stripe balance, so it is booked the way
 * a refund is — one negative revenue entry in the payments category, correcting the payment's
 * revenue entry, keyed by the dispute id so it is booked once whatever arrives twice — and, unlike
 * a refund, the payment no longer pays the invoice: the invoice is open again for that amount. The
 * payment row stays (it happened) and shows as disputed. The member and the owners are mailed
 * through the job queue, in this transaction. Null when Tatami never recorded the payment.
 */
export async function recordDisputeLoss(tx: Tx, input: DisputeLossInput): Promise<RecordedDisputeLoss | null> {
  const [found] = await tx
    .select({ invoiceId: payments.invoiceId })
    .from(payments)
    .where(and(eq(payments.dojoId, input.dojoId), eq(payments.stripePaymentIntentId, input.stripePaymentIntentId)));
  if (!found) return null;
  // The invoice lock orders this with a refund or a new payment of the same invoice.
  const invoice = await lockInvoice(tx, input.dojoId, found.invoiceId);
  const [payment] = await tx.select().from(payments).where(eq(payments.stripePaymentIntentId, input.stripePaymentIntentId)).for("update");
  if (payment.stripeDisputeId) return { payment, created: false, invoice };

  // Stripe takes back at most what it captured; a dispute in another currency would be a mistake of ours.
  const amountMinor = Math.min(input.amountMinor, payment.amountMinor);
  if (input.currency.toUpperCase() !== payment.currency || amountMinor <= 0) return null;
  const [disputed] = await tx
    .update(payments)
    .set({ stripeDisputeId: input.stripeDisputeId, disputedMinor: amountMinor, disputedAt: input.lostAt, disputeReason: input.reason })
    .where(eq(payments.id, payment.id))
    .returning();
  const [revenue] = await tx.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.paymentId, payment.id));
  await appendLedgerEntry(tx, {
    dojoId: input.dojoId,
    date: dayInDojo(input.dojoId, input.lostAt),
    kind: "revenue",
    category: PAYMENTS_LEDGER_CATEGORY,
    description: `Payment of invoice ${invoice.number} disputed and returned to the payer`,
    amountMinor: -amountMinor,
    currency: payment.currency,
    invoiceId: invoice.id,
    correctsEntryId: revenue?.id ?? null,
    // Stripe's ids are unique across its objects: the dispute's own id keys its entry as a refund's does.
    refundKey: input.stripeDisputeId,
  });
  const reopened = await removeDisputedPayment(tx, invoice, amountMinor);
  await queueDisputeLostMails(tx, { id: payment.id, dojoId: input.dojoId });
  return { payment: disputed, created: true, invoice: reopened };
}
