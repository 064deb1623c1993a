import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ledgerEntries, type LedgerKind } from "@/db/schema";

/** The categories the dojo has used, as suggestions for a new entry (per kind when given). */
export async function ledgerCategories(db: DbOrTx, dojoId: string, kind?: LedgerKind, limit = 200): Promise<string[]> {
  const rows = await db
    .selectDistinct({ category: ledgerEntries.category })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.dojoId, dojoId), kind ? eq(ledgerEntries.kind, kind) : undefined))
    .orderBy(asc(ledgerEntries.category))
    .limit(limit);
  return rows.map((r) => r.category);
}
