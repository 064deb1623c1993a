import { and, eq, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";

// What has been paid on an invoice and what went back: the bookkeeping of lib/payments lands here,
// so every change of an invoice's state is made in lib/invoices. The caller holds the invoice's
// lock (lockInvoice) and passes the row it read under it.

type Amounts = Partial<Pick<Invoice, "paidMinor" | "refundedMinor" | "status" | "paidAt">>;

const amountsUpdate = (tx: Tx, invoice: Invoice, values: Amounts, onlyIf?: SQL) =>
  tx
    .update(invoices)
    .set(values)
    .where(and(eq(invoices.id, invoice.id), eq(invoices.dojoId, invoice.dojoId), onlyIf));

async function setAmounts(tx: Tx, invoice: Invoice, values: Amounts): Promise<Invoice> {
  const [updated] = await amountsUpdate(tx, invoice, values).returning();
  return updated;
}

/**
 * A payment is being recorded: the invoice is paid (at that moment) once payments cover its
 * total. Returns the invoice as it will be and the update, not yet sent, for the caller to send
 * within the statement that stores the payment (a WITH clause): one round trip for both. With
 * `onlyIf`, the update changes nothing when that condition is false.
 */
export function addPayment(tx: Tx, invoice: Invoice, amountMinor: number, paidAt: Date, onlyIf?: SQL) {
  const paidMinor = invoice.paidMinor + amountMinor;
  const values: Amounts = paidMinor >= invoice.totalMinor ? { paidMinor, status: "paid", paidAt } : { paidMinor };
  return { invoice: { ...invoice, ...values }, update: amountsUpdate(tx, invoice, values, onlyIf) };
}

/** Money went back: the invoice stays paid (it was), its refunded amount grows. */
export function addRefund(tx: Tx, invoice: Invoice, amountMinor: number): Promise<Invoice> {
  return setAmounts(tx, invoice, { refundedMinor: invoice.refundedMinor + amountMinor });
}

/** A booked refund came back failed: that amount was never given back and can be refunded again. */
export function undoRefund(tx: Tx, invoice: Invoice, amountMinor: number): Promise<Invoice> {
  return setAmounts(tx, invoice, { refundedMinor: Math.max(0, invoice.refundedMinor - amountMinor) });
}

/**
 * A recorded payment was taken back by the payer's bank (a lost dispute, a returned debit): that
 * amount no longer counts as paid, so an invoice it had paid is open again, to be paid once more.
 */
export function removeDisputedPayment(tx: Tx, invoice: Invoice, amountMinor: number): Promise<Invoice> {
  const paidMinor = Math.max(0, invoice.paidMinor - amountMinor);
  const values: Amounts = invoice.status === "paid" && paidMinor < invoice.totalMinor ? { paidMinor, status: "open", paidAt: null } : { paidMinor };
  return setAmounts(tx, invoice, values);
}
