import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ledgerKindEnum, type LedgerKind } from "@/db/schema";

/**
 * The categories the dojo has used, as suggestions for a new entry (per kind when given). A
 * loose index scan over (dojo_id, kind, category): each step jumps to the next category in the
 * index, so the cost is the number of categories (at most `limit` per kind), not of entries.
 */
export async function ledgerCategories(db: DbOrTx, dojoId: string, kind?: LedgerKind, limit = 200): Promise<string[]> {
  const kinds = kind ? [kind] : ledgerKindEnum.enumValues;
  const rows = await db.execute<{ category: string }>(sql`
    with recursive next_category(kind, category, n) as (
      select k.kind, (select min(e.category) from ledger_entries e where e.dojo_id = ${dojoId} and e.kind = k.kind), 1
      from unnest(${`{${kinds.join(",")}}`}::ledger_kind[]) as k(kind)
      union all
      select c.kind, (select min(e.category) from ledger_entries e where e.dojo_id = ${dojoId} and e.kind = c.kind and e.category > c.category), c.n + 1
      from next_category c
      where c.category is not null and c.n < ${limit}
    )
    select distinct category from next_category where category is not null order by category limit ${limit}`);
  return (Array.isArray(rows) ? rows : (rows as unknown as { rows: { category: string }[] }).rows).map((r) => r.category);
}
