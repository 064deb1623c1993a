import { invoices } from "@/db/schema";

/** What a list of invoices shows of each one, staff side and members area alike. */
export const invoiceSummaryColumns = {
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  currency: invoices.currency,
  totalMinor: invoices.totalMinor,
  paidMinor: invoices.paidMinor,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
};
