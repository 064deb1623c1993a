import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoiceCounters } from "@/db/schema";

/**
 * The next invoice number of a dojo for a year, e.g. "2026-0042". Must run inside the
 * issuing transaction: the upsert's row lock makes concurrent issuers wait their turn, and a
 * rollback gives the number back, so numbers stay gapless and unique.
 */
export async function nextInvoiceNumber(tx: Tx, dojoId: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(invoiceCounters)
    .values({ dojoId, year, lastSeq: 1 })
    .onConflictDoUpdate({ target: [invoiceCounters.dojoId, invoiceCounters.year], set: { lastSeq: sql`${invoiceCounters.lastSeq} + 1` } })
    .returning({ seq: invoiceCounters.lastSeq });
  return formatInvoiceNumber(year, row.seq);
}

export function formatInvoiceNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, "0")}`;
}
