import { getDb } from "@/db/client";
import { createInvoice } from "@/lib/invoices/create-invoice";
import { invoiceInputSchema, type InvoiceFormValues } from "@/lib/invoices/schemas";

/** What the invoice form sends for one line of 2 × 25.00, dated 2026-03-01, due two weeks later. */
export function invoiceValues(memberId: string, overrides: Partial<InvoiceFormValues> = {}): InvoiceFormValues {
  return {
    memberId,
    lines: [{ description: "Monthly training", quantity: "2", unitPrice: "25.00" }],
    issueDate: "2026-03-01",
    dueDate: "2026-03-15",
    notes: "",
    issue: false,
    ...overrides,
  };
}

/** An invoice written straight through the domain function, bypassing the session. */
export async function createTestInvoice(dojo: { id: string; currency: string }, memberId: string, overrides: Partial<InvoiceFormValues> = {}) {
  const db = await getDb();
  const input = invoiceInputSchema.parse(invoiceValues(memberId, overrides));
  return db.transaction((tx) => createInvoice(tx, { dojo, userId: null }, input));
}
