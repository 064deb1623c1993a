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

/**
 * lockInvoice's statement, not sent: for a caller that sends it as part of a statement of its own
 * (the webhook's event claim, lib/stripe/webhooks/claim-event.ts). `after`: a condition that holds,
 * evaluated before any row is read, so what it reads (a WITH clause) is done before the lock is taken.
 * `invoiceId` must be a valid id (PostgreSQL refuses the statement otherwise).
 */
export function lockInvoiceQuery(tx: Tx, dojoId: string, invoiceId: string, after?: SQL) {
  return tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.dojoId, dojoId), after))
    .for("update");
}
