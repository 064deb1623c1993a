import { max, min, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import { ledgerConditions } from "./conditions";
import type { LedgerFilter } from "./filters";
import { monthsBetween } from "./period";
import { sumOfKind } from "./totals";

export interface MonthPoint {
  /** "YYYY-MM" */
  month: string;
  revenueMinor: number;
  costMinor: number;
}

/**
 * Revenue against costs per calendar month of the filtered period, one point for every month
 * (empty months are zero, so the chart's time axis has no holes). An open-ended custom range is
 * closed by the first or last month that has entries.
 */
export async function monthlySeries(db: DbOrTx, dojoId: string, filter: Pick<LedgerFilter, "kind" | "range">): Promise<MonthPoint[]> {
  const where = ledgerConditions(dojoId, filter);
  const month = sql<string>`to_char(${ledgerEntries.date}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, revenueMinor: sumOfKind("revenue"), costMinor: sumOfKind("cost") })
    .from(ledgerEntries)
    .where(where)
    .groupBy(month);

  let { from, to } = filter.range;
  if (!from || !to) {
    const [bounds] = await db.select({ first: min(ledgerEntries.date), last: max(ledgerEntries.date) }).from(ledgerEntries).where(where);
    from ??= bounds.first;
    to ??= bounds.last;
  }
  if (!from || !to) return [];

  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return monthsBetween(from, to).map((m) => ({ month: m, revenueMinor: byMonth.get(m)?.revenueMinor ?? 0, costMinor: byMonth.get(m)?.costMinor ?? 0 }));
}
