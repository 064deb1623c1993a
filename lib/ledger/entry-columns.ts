import { invoices, ledgerEntries } from "@/db/schema";

/** What the ledger page and its CSV export read of each entry (the invoice's number comes from a join). */
export const ledgerEntryColumns = {
  id: ledgerEntries.id,
  date: ledgerEntries.date,
  kind: ledgerEntries.kind,
  category: ledgerEntries.category,
  description: ledgerEntries.description,
  amountMinor: ledgerEntries.amountMinor,
  currency: ledgerEntries.currency,
  correctsEntryId: ledgerEntries.correctsEntryId,
  invoiceNumber: invoices.number,
};
