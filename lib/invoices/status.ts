import type { Invoice, InvoiceStatus } from "@/db/schema";
import { today } from "@/lib/dates";

// Client-safe. "Overdue" is not stored: it is an open invoice past its due date.
export type DisplayStatus = InvoiceStatus | "overdue";

export const STATUS_FILTERS = ["draft", "open", "overdue", "paid", "void"] as const satisfies readonly DisplayStatus[];
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_LABELS: Record<DisplayStatus, string> = { draft: "Draft", open: "Open", overdue: "Overdue", paid: "Paid", void: "Void" };

export function isOverdue(invoice: Pick<Invoice, "status" | "dueDate">, on = today()): boolean {
  return invoice.status === "open" && invoice.dueDate < on;
}

export function displayStatus(invoice: Pick<Invoice, "status" | "dueDate">, on = today()): DisplayStatus {
  return isOverdue(invoice, on) ? "overdue" : invoice.status;
}
