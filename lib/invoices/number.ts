import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoiceCounters, invoices, type Invoice } from "@/db/schema";

/**
 * The next invoice number of a dojo for a year, e.g. "2026-0042". Must run inside the
 * issuing transaction: the upsert's row lock makes concurrent issuers wait their turn, and a
 * rollback gives the number back, so numbers stay gapless and unique.
 */
async function nextInvoiceNumber(tx: Tx, dojoId: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ dojoId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [invoiceCounters.dojoId, invoiceCounters.year], set: { lastSeq: sql`${invoiceCounters.lastSeq} + 1` } })
    .returning({ seq: invoiceCounters.lastSeq });
  return formatInvoiceNumber(year, row.seq);
}

/** Gives an unnumbered invoice the next number of its issue date's year (in the caller's transaction). */
export async function numberInvoice(tx: Tx, invoice: Pick<Invoice, "id" | "dojoId" | "issueDate">): Promise<Invoice> {
  const number = await nextInvoiceNumber(tx, invoice.dojoId, Number(invoice.issueDate.slice(0, 4)));
  const [numbered] = await tx
    .update(invoices)
    .set({ number })
    .where(and(eq(invoices.id, invoice.id), eq(invoices.dojoId, invoice.dojoId), isNull(invoices.number)))
    .returning();
  if (!numbered) throw new Error(`Invoice ${invoice.id} is numbered already`);
  return numbered;
}

export function formatInvoiceNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, "0")}`;
}
