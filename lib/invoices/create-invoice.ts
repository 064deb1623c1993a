import type { Tx } from "@/db/client";
import { invoiceLines, invoices, type Invoice } from "@/db/schema";
import { issueInvoice } from "./issue-invoice";
import { prepareInvoice } from "./prepare-invoice";
import type { InvoiceInput } from "./schemas";

export interface InvoiceAuthor {
  dojo: { id: string; currency: string };
  userId: string | null;
}

/** A new invoice in the dojo's currency, saved as a draft or issued at once. */
export async function createInvoice(tx: Tx, { dojo, userId }: InvoiceAuthor, input: InvoiceInput): Promise<Invoice> {
  const { lines, totalMinor } = await prepareInvoice(tx, dojo, input);
  const [invoice] = await tx
    .insert(invoices)
    .values({
      dojoId: dojo.id,
      memberId: input.memberId,
      currency: dojo.currency,
      totalMinor,
      issueDate: input.issueDate,
      dueDate: input.dueDate,
      notes: input.notes,
      createdBy: userId,
    })
    .returning();
  await tx.insert(invoiceLines).values(lines.map((line, position) => ({ ...line, position, dojoId: dojo.id, invoiceId: invoice.id })));
  return input.issue ? issueInvoice(tx, dojo.id, invoice.id) : invoice;
}
