import type { Invoice, InvoiceLine } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { toMajorString } from "@/lib/money";
import type { InvoiceFormValues } from "./schemas";

// What the invoice form starts with, for a new invoice or a draft being edited.
export const EMPTY_LINE = { description: "", quantity: "1", unitPrice: "" };

const DEFAULT_TERM_DAYS = 14;

export function newInvoiceValues(memberId: string | null, issueDate: string): InvoiceFormValues {
  return { memberId: memberId ?? "", lines: [EMPTY_LINE], issueDate, dueDate: addDays(issueDate, DEFAULT_TERM_DAYS), notes: "", issue: false };
}

export function draftFormValues(invoice: Invoice, lines: InvoiceLine[]): InvoiceFormValues {
  return {
    memberId: invoice.memberId,
    lines: lines.map((l) => ({ description: l.description, quantity: String(l.quantity), unitPrice: toMajorString(l.unitPriceMinor, invoice.currency) })),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    notes: invoice.notes ?? "",
    issue: false,
  };
}
