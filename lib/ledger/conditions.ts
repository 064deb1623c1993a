import { and, eq, gte, lte, type SQL } from "drizzle-orm";
import { ledgerEntries } from "@/db/schema";
import type { LedgerFilter } from "./filters";

/**
 * The WHERE clause every ledger query shares: always the dojo first, then kind and date, so
 * PostgreSQL can use the (dojo_id, date) or (dojo_id, kind, date) index.
 */
export function ledgerConditions(dojoId: string, filter: Pick<LedgerFilter, "kind" | "range">): SQL {
  const { from, to } = filter.range;
  return and(
    eq(ledgerEntries.dojoId, dojoId),
    filter.kind === "all" ? undefined : eq(ledgerEntries.kind, filter.kind),
    from ? gte(ledgerEntries.date, from) : undefined,
    to ? lte(ledgerEntries.date, to) : undefined,
  )!;
}
