import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoiceLines, invoices, type Invoice } from "@/db/schema";
import { refused } from "@/lib/errors";
import { issueInvoice } from "./issue-invoice";
import { lockInvoice } from "./lock-invoice";
import { prepareInvoice } from "./prepare-invoice";
import type { InvoiceInput } from "./schemas";

/** Only drafts change: once issued, an invoice is a document the member may already have. */
export async function updateDraftInvoice(tx: Tx, dojo: { id: string; currency: string }, invoiceId: string, input: InvoiceInput): Promise<Invoice> {
  const invoice = await lockInvoice(tx, dojo.id, invoiceId);
  if (invoice.status !== "draft") throw refused("invoice.not_draft", { action: "edit", status: invoice.status });
  const { lines, totalMinor } = await prepareInvoice(tx, { id: dojo.id, currency: invoice.currency }, input);
  await tx
    .update(invoices)
    .set({ memberId: input.memberId, totalMinor, issueDate: input.issueDate, dueDate: input.dueDate, notes: input.notes })
    .where(eq(invoices.id, invoice.id));
  await tx.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id));
  await tx.insert(invoiceLines).values(lines.map((line, position) => ({ ...line, position, dojoId: dojo.id, invoiceId: invoice.id })));
  return input.issue ? issueInvoice(tx, dojo.id, invoice.id) : { ...invoice, memberId: input.memberId, totalMinor, issueDate: input.issueDate, dueDate: input.dueDate, notes: input.notes };
}
