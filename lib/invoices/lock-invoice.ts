import { and, eq } from "drizzle-orm";
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
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.dojoId, dojoId)))
    .for("update");
  if (!invoice) throw new NotFoundError("Invoice");
  return invoice;
}
