import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { ledgerEntries, payments, refunds, type Invoice, type Refund } from "@/db/schema";
import { refused } from "@/lib/errors";
import { appendLedgerEntry, dayInDojo } from "@/lib/ledger/append";
import { addRefund } from "@/lib/invoices/amounts";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { PAYMENTS_LEDGER_CATEGORY } from "@/lib/payments/record-payment";

// Stripe refunds that have left (or are leaving) the account; "failed" and "canceled" did not.
export const BOOKED_REFUND_STATUSES: ReadonlySet<string | null | undefined> = new Set(["succeeded", "pending"]);

export interface RecordRefundInput {
  dojoId: string;
  /** The card payment refunded, found by its PaymentIntent (what Stripe's refund names). */
  stripePaymentIntentId: string;
  stripeRefundId: string;
  amountMinor: number;
  currency: string;
  refundedAt: Date;
  reason?: string | null;
  createdBy?: string | null;
}

export interface RecordedRefund {
  refund: Refund;
  /** False when this Stripe refund was already recorded (by the staff action or the webhook). */
  created: boolean;
  invoice: Invoice;
}

/**
 * The one way a refund is recorded, whether it started in Tatami or in the Stripe dashboard.
 * Idempotent per Stripe refund id: in the caller's transaction it locks the invoice, stores the
 * refund, books one negative revenue entry (keyed by the refund id) and adds to the invoice's
 * refunded amount. The invoice stays paid: it was paid, and the ledger shows what went back.
 */
export async function recordRefund(tx: Tx, input: RecordRefundInput): Promise<RecordedRefund | null> {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.dojoId, input.dojoId), eq(payments.stripePaymentIntentId, input.stripePaymentIntentId)));
  // A refund of a charge Tatami never recorded (a webshop order, another system): not ours.
  if (!payment) return null;

  // Lock first, so the staff action and the webhook for the same refund queue here.
  const invoice = await lockInvoice(tx, input.dojoId, payment.invoiceId);
  const [existing] = await tx.select().from(refunds).where(eq(refunds.stripeRefundId, input.stripeRefundId));
  if (existing) {
    if (existing.dojoId !== input.dojoId) throw refused("refund.recorded_elsewhere");
    return { refund: existing, created: false, invoice };
  }
  if (input.currency.toUpperCase() !== payment.currency) throw refused("refund.other_currency", { currency: input.currency.toUpperCase(), paymentCurrency: payment.currency });
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) throw refused("refund.record_not_positive");
  const refundable = payment.amountMinor - (await refundedFor(tx, payment.id));
  if (input.amountMinor > refundable) throw refused("refund.record_more_than_refundable", { refundableMinor: refundable, currency: payment.currency });

  const [refund] = await tx
    .insert(refunds)
    .values({
      dojoId: input.dojoId,
      paymentId: payment.id,
      invoiceId: invoice.id,
      amountMinor: input.amountMinor,
      currency: payment.currency,
      reason: input.reason?.trim() || null,
      stripeRefundId: input.stripeRefundId,
      createdBy: input.createdBy ?? null,
    })
    .returning();

  const [revenue] = await tx.select({ id: ledgerEntries.id }).from(ledgerEntries).where(eq(ledgerEntries.paymentId, payment.id));
  await appendLedgerEntry(tx, {
    dojoId: input.dojoId,
    date: dayInDojo(input.dojoId, input.refundedAt),
    kind: "revenue",
    category: PAYMENTS_LEDGER_CATEGORY,
    description: `Refund of invoice ${invoice.number}${refund.reason ? ` · ${refund.reason}` : ""}`,
    amountMinor: -refund.amountMinor,
    currency: refund.currency,
    invoiceId: invoice.id,
    correctsEntryId: revenue?.id ?? null,
    refundKey: input.stripeRefundId,
    createdBy: input.createdBy ?? null,
  });

  return { refund, created: true, invoice: await addRefund(tx, invoice, refund.amountMinor) };
}

/** What has been refunded of a payment so far, in its minor units; failed refunds gave nothing back. */
export async function refundedFor(db: DbOrTx, paymentId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${refunds.amountMinor}), 0)` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), isNull(refunds.failedAt)));
  return Number(row?.total ?? 0);
}
