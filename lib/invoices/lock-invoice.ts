import { and, eq, type SQL } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";
import { idSchema } from "@/lib/validation/common";
import { NotFoundError } from "@/lib/action-result";

/**
 * Reads an invoice of the dojo with a row lock held until the transaction ends, so changes
 * to it (issuing, voiding, payments) happen one after the other. Another dojo's invoice is
 * simply not found.
 */
export async function lockInvoice(tx: Tx, dojoId: string, invoiceId: string): Promise<Invoice> {
  if (!idSchema.safeParse(invoiceId).success) throw new NotFoundError("Invoice");
  const [invoice] = await lockInvoiceQuery(tx, dojoId, invoiceId);
  if (!invoice) throw new NotFoundError("Invoice");
  return invoice;
}

/** lockInvoice's statement, not sent (the test support's stand-in for the claim's lock uses it). */
export function lockInvoiceQuery(tx: Tx, dojoId: string, invoiceId: string) {
  return tx.select().from(invoices).where(invoiceRow(dojoId, invoiceId)).for("update");
}

/**
 * The row lockInvoice locks, for a caller that locks it in a statement of its own (the webhook's
 * event claim, lib/stripe/webhooks/claim-event.ts). `invoiceId` must be a valid id (PostgreSQL
 * refuses the statement otherwise).
 */
export function invoiceRow(dojoId: string, invoiceId: string): SQL {
  return and(eq(invoices.id, invoiceId), eq(invoices.dojoId, dojoId))!;
}
