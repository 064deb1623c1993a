import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
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
 * page and the filter's entry count (from the monthly rollup, see ./months.ts).
 */
export async function listLedgerEntries(db: DbOrTx, dojoId: string, filter: LedgerFilter, keyset: Keyset = {}, pageSize = PAGE_SIZE) {
  const backwards = "before" in keyset;
  const direction = backwards ? asc : desc;
  const [entries, months] = await Promise.all([
    db
      .select({ ...ledgerEntryColumns, paymentId: ledgerEntries.paymentId, refundKey: ledgerEntries.refundKey, invoiceId: ledgerEntries.invoiceId })
      .from(ledgerEntries)
      // The dojo condition on the join too: an entry can only ever show its own dojo's invoice.
      .leftJoin(invoices, and(eq(invoices.id, ledgerEntries.invoiceId), eq(invoices.dojoId, dojoId)))
      .where(and(ledgerConditions(dojoId, filter), keysetCondition(dojoId, keyset)))
      .orderBy(direction(ledgerEntries.date), direction(ledgerEntries.createdAt), direction(ledgerEntries.id))
      .limit(pageSize + 1),
    monthSums(db, dojoId, filter),
  ]);
  const page = keysetPage(entries, keyset, pageSize);
  const corrected = await correctedAmong(
    db,
    dojoId,
    page.rows.map((e) => e.id),
  );
  const rows = page.rows.map((e) => ({ ...e, corrected: corrected.has(e.id) }));
  return { rows, total: sumMonths(months).entryCount, pageSize, newer: page.newer, older: page.older };
}

/** Which of these entries already have a correction (each can be corrected once); a refund of a payment is not one. */
async function correctedAmong(db: DbOrTx, dojoId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: ledgerEntries.correctsEntryId })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.dojoId, dojoId), inArray(ledgerEntries.correctsEntryId, ids), isNull(ledgerEntries.refundKey)));
  return new Set(rows.map((r) => r.id!));
}
