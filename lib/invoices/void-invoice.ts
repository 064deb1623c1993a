import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";
import { invalidInput, refused } from "@/lib/errors";
import type { AfterCommit } from "@/lib/after-commit";
import { endOpenCheckouts } from "@/lib/payments/card/end-checkouts";
import { lockInvoice } from "./lock-invoice";

/**
 * Cancels a draft or an unpaid open invoice, keeping it (and its number) for the record.
 * Money already received cannot be voided away: that needs a refund, which books its own
 * ledger entry. Its open Checkout Sessions are expired (after the commit, and by a job until
 * Stripe agrees); a payment that still gets through is refunded automatically.
 */
export async function voidInvoice(tx: Tx, dojoId: string, invoiceId: string, reason: string, afterCommit?: AfterCommit): Promise<Invoice> {
  const invoice = await lockInvoice(tx, dojoId, invoiceId);
  if (invoice.status === "void") throw refused("invoice.already_void");
  // Stripe collects it and would still charge the card: it ends in Stripe, and Tatami follows.
  if (invoice.stripeInvoiceId) throw refused("invoice.void_collected_by_stripe");
  if (invoice.status === "paid") throw refused("invoice.void_paid");
  if (invoice.paidMinor > 0) throw refused("invoice.void_has_payments");
  const trimmed = reason.trim();
  if (!trimmed) throw invalidInput("invoice.void_reason_missing");
  const voided = await markVoid(tx, invoice, trimmed);
  await endOpenCheckouts(tx, dojoId, invoice.id, { afterCommit });
  return voided;
}

/**
 * Follows Stripe voiding (or writing off) a subscription invoice it collects: an open invoice
 * with nothing paid becomes void; any other is returned as it is (money received needs a refund).
 */
export async function voidCollectedInvoice(tx: Tx, invoice: Invoice, stripeStatus: string): Promise<Invoice> {
  if (invoice.status !== "open" || invoice.paidMinor !== 0) return invoice;
  return markVoid(tx, invoice, `Marked ${stripeStatus} in Stripe`);
}

async function markVoid(tx: Tx, invoice: Invoice, reason: string): Promise<Invoice> {
  const [voided] = await tx
    .update(invoices)
    .set({ status: "void", voidReason: reason, voidedAt: new Date() })
    .where(and(eq(invoices.id, invoice.id), eq(invoices.dojoId, invoice.dojoId)))
    .returning();
  return voided;
}
