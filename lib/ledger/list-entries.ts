import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, ledgerEntries } from "@/db/schema";
import { PAGE_SIZE } from "@/lib/pagination";
import { ledgerConditions } from "./conditions";
import { ledgerEntryColumns } from "./entry-columns";
import type { LedgerFilter } from "./filters";

export type LedgerRow = Awaited<ReturnType<typeof listLedgerEntries>>["rows"][number];

/** One page of the dojo's entries, newest first, with the total count for pagination. */
export async function listLedgerEntries(db: DbOrTx, dojoId: string, filter: LedgerFilter, page: number, pageSize = PAGE_SIZE) {
  const where = ledgerConditions(dojoId, filter);
  const [entries, [{ total }]] = await Promise.all([
    db
      .select({ ...ledgerEntryColumns, paymentId: ledgerEntries.paymentId, refundKey: ledgerEntries.refundKey, invoiceId: ledgerEntries.invoiceId })
      .from(ledgerEntries)
      // The dojo condition on the join too: an entry can only ever show its own dojo's invoice.
      .leftJoin(invoices, and(eq(invoices.id, ledgerEntries.invoiceId), eq(invoices.dojoId, dojoId)))
      .where(where)
      .orderBy(desc(ledgerEntries.date), desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(ledgerEntries).where(where),
  ]);
  const corrected = await correctedAmong(
    db,
    dojoId,
    entries.map((e) => e.id),
  );
  const rows = entries.map((e) => ({ ...e, corrected: corrected.has(e.id) }));
  return { rows, total, pageSize };
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
