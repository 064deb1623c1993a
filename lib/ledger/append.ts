import type { DbOrTx } from "@/db/client";
import { ledgerEntries, type NewLedgerEntry } from "@/db/schema";

/**
 * The only way anything is written to the ledger. Entries are never updated or deleted (a
 * database trigger refuses it): a correction or refund is a new, negative entry.
 * Pass the caller's transaction so the entry commits with what caused it.
 */
export async function appendLedgerEntry(db: DbOrTx, entry: Omit<NewLedgerEntry, "id" | "createdAt">) {
  const [row] = await db.insert(ledgerEntries).values(entry).returning();
  return row;
}
