import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { invoices, ledgerEntries } from "@/db/schema";
import { keysetPage, PAGE_SIZE, type Keyset } from "@/lib/pagination";
import { ledgerConditions } from "./conditions";
import { ledgerEntryColumns } from "./entry-columns";
import type { LedgerFilter } from "./filters";
import { monthSums, sumMonths } from "./months";

export type LedgerRow = Awaited<ReturnType<typeof listLedgerEntries>>["rows"][number];

// The list's order, newest first; the keyset compares the same three columns (index ledger_dojo_date_created_id_idx).
const ORDER_KEY = sql`(${ledgerEntries.date}, ${ledgerEntries.createdAt}, ${ledgerEntries.id})`;

/** Entries older (`after`) or newer (`before`) than the cursor entry, which must be this dojo's. */
function keysetCondition(dojoId: string, keyset: Keyset): SQL | undefined {
  if (!("after" in keyset) && !("before" in keyset)) return undefined;
  const id = "after" in keyset ? keyset.after : keyset.before;
  const cursor = sql`(select c.date, c.created_at, c.id from ${ledgerEntries} c where c.id = ${id} and c.dojo_id = ${dojoId})`;
  return "after" in keyset ? sql`${ORDER_KEY} < ${cursor}` : sql`${ORDER_KEY} > ${cursor}`;
}

/**
 * One keyset page of the dojo's entries, newest first, with the links to the newer and older
 * page and the filter's entry count (from the monthly rollup, see ./months.ts; `months` when the
 * page already reads them for the totals). Whether an entry was corrected comes with it, through
 * the index on `corrects_entry_id` (correctionOf): one round trip for the page.
 */
export async function listLedgerEntries(db: DbOrTx, dojoId: string, filter: LedgerFilter, keyset: Keyset = {}, pageSize = PAGE_SIZE, months = monthSums(db, dojoId, filter)) {
  const backwards = "before" in keyset;
  const correction = correctionOf(db, dojoId);
  const direction = backwards ? asc : desc;
  const [entries, monthRows] = await Promise.all([
    db
      .select({ ...ledgerEntryColumns, paymentId: ledgerEntries.paymentId, refundKey: ledgerEntries.refundKey, invoiceId: ledgerEntries.invoiceId, corrected: sql<boolean>`${correction.found} is not null`.mapWith(Boolean) })
      .from(ledgerEntries)
      // The dojo condition on the join too: an entry can only ever show its own dojo's invoice.
      .leftJoin(invoices, and(eq(invoices.id, ledgerEntries.invoiceId), eq(invoices.dojoId, dojoId)))
      .leftJoinLateral(correction, sql`true`)
      .where(and(ledgerConditions(dojoId, filter), keysetCondition(dojoId, keyset)))
      .orderBy(direction(ledgerEntries.date), direction(ledgerEntries.createdAt), direction(ledgerEntries.id))
      .limit(pageSize + 1),
    months,
  ]);
  const page = keysetPage(entries, keyset, pageSize);
  return { rows: page.rows, total: sumMonths(monthRows).entryCount, pageSize, newer: page.newer, older: page.older };
}

/**
 * Whether the entry already has a correction (each can be corrected once); a refund of a payment is
 * not one. A lateral join, looked up per listed entry through the index on `corrects_entry_id`: as
 * an `exists (…)` column PostgreSQL hashed all the dojo's corrections first, reading every entry of
 * the dojo (24 ms of the big dojo's ledger page; docs/benchmarks.md, 2026-12-03).
 */
function correctionOf(db: DbOrTx, dojoId: string) {
  const c = alias(ledgerEntries, "c");
  return db
    .select({ found: sql<number>`1`.as("found") })
    .from(c)
    .where(and(eq(c.correctsEntryId, ledgerEntries.id), eq(c.dojoId, dojoId), isNull(c.refundKey)))
    .limit(1)
    .as("correction");
}
