import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, ledgerEntries, type NewLedgerEntry } from "@/db/schema";
import { insertWhere } from "@/db/insert-where";

type LedgerEntryValues = { [K in keyof Omit<NewLedgerEntry, "id" | "createdAt">]: NewLedgerEntry[K] | SQL };

/**
 * The only way anything is written to the ledger. Entries are never updated or deleted (a
 * database trigger refuses it): a correction or refund is a new, negative entry.
 * Pass the caller's transaction so the entry commits with what caused it. Any column may be an SQL
 * expression (dayInDojo, a name looked up in the same statement), so booking stays one statement.
 */
export async function appendLedgerEntry(db: DbOrTx, entry: LedgerEntryValues) {
  const [row] = await ledgerEntryInsert(db, entry).returning();
  return row;
}

/**
 * The same append, not yet sent: for a caller that books the entry within its own statement (a WITH
 * clause); with `onlyIf`, it books nothing when that condition is false.
 */
export function ledgerEntryInsert(db: DbOrTx, entry: LedgerEntryValues, onlyIf?: SQL) {
  return onlyIf ? insertWhere(db, ledgerEntries, entry, onlyIf) : db.insert(ledgerEntries).values(entry);
}

/**
 * The calendar day a moment falls on in the dojo's own time zone (dojos.time_zone), as the entry
 * booked for it is dated: a payment at 23:30 UTC is tomorrow's in Auckland. Worked out by the
 * statement that stores it — as lib/dates.ts's localDate would, without reading the zone first.
 */
export function dayInDojo(dojoId: string, moment: Date): SQL<string> {
  return sql<string>`(${moment.toISOString()}::timestamptz at time zone (select ${dojos.timeZone} from ${dojos} where ${dojos.id} = ${dojoId}))::date`;
}
