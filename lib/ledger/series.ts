import { max, min, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { ledgerConditions } from "./conditions";
import type { LedgerFilter } from "./filters";
import { monthSums, type MonthSum } from "./months";
import { sumOfKind } from "./totals";

import type { Bucket } from "./buckets";

export type { Bucket } from "./buckets";

export interface SeriesPoint {
  /** The first day of the bucket, "YYYY-MM-DD" (weeks start on Monday). */
  start: string;
  revenueMinor: number;
  costMinor: number;
}

export interface LedgerSeries {
  bucket: Bucket;
  points: SeriesPoint[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

/**
 * The bar length for a range, so a chart never has more than about sixty bars: days up to two
 * months, weeks up to half a year, months up to five years (the longest custom range, see
 * ./period.ts), years beyond (only an open-ended range over older entries gets there).
 */
export function bucketFor(from: string, to: string): Bucket {
  const days = daysBetween(from, to);
  if (days <= 62) return "day";
  if (days <= 183) return "week";
  if (days <= 5 * 366) return "month";
  return "year";
}

/** The first day of the bucket holding `day` (the same as PostgreSQL's date_trunc). */
export function bucketStart(day: string, bucket: Bucket): string {
  if (bucket === "year") return `${day.slice(0, 4)}-01-01`;
  if (bucket === "month") return `${day.slice(0, 8)}01`;
  if (bucket === "week") return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
  return day;
}

/** Years drawn at most: entries typed with a year like 0001 must not make a chart of two thousand bars. */
export const MAX_YEAR_BARS = 100;

function nextStart(start: string, bucket: Bucket): string {
  const [y, m] = start.split("-").map(Number);
  if (bucket === "day") return addDays(start, 1);
  if (bucket === "week") return addDays(start, 7);
  if (bucket === "year") return `${String(y + 1).padStart(4, "0")}-01-01`;
  return m === 12 ? `${String(y + 1).padStart(4, "0")}-01-01` : `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-01`;
}

/**
 * Revenue against costs per bucket of the filtered period, one point for every bucket (empty
 * ones are zero, so the time axis has no holes). An open-ended custom range is closed by the
 * first or last entry. The database sums per bucket; only the bars travel to the page.
 * `filterMonths`: the filter's month sums when the page already reads them for the totals.
 */
export async function ledgerSeries(db: DbOrTx, dojoId: string, filter: Pick<LedgerFilter, "kind" | "range">, filterMonths?: Promise<MonthSum[]>): Promise<LedgerSeries> {
  const where = ledgerConditions(dojoId, filter);
  let { from, to } = filter.range;
  if (!from || !to) {
    const [bounds] = await db.select({ first: min(ledgerEntries.date), last: max(ledgerEntries.date) }).from(ledgerEntries).where(where);
    from ??= bounds.first;
    to ??= bounds.last;
  }
  if (!from || !to) return { bucket: "month", points: [] };
  const bucket = bucketFor(from, to);
  const lastYears = `${String(Number(to.slice(0, 4)) - MAX_YEAR_BARS + 1).padStart(4, "0")}-01-01`;
  if (bucket === "year" && from < lastYears) from = lastYears;
  const byStart = new Map<string, { revenueMinor: number; costMinor: number }>();
  if (bucket === "month" || bucket === "year") {
    // Months and years are sums of months: the rollup answers them (./months.ts).
    // The page's own read of the filter's months serves when the chart spans exactly the filter.
    const sameRange = filterMonths && from === filter.range.from && to === filter.range.to;
    for (const m of await (sameRange ? filterMonths : monthSums(db, dojoId, { kind: filter.kind, range: { from, to } }))) {
      const key = bucketStart(m.month, bucket);
      const point = byStart.get(key) ?? { revenueMinor: 0, costMinor: 0 };
      if (m.kind === "revenue") point.revenueMinor += m.amountMinor;
      else point.costMinor += m.amountMinor;
      byStart.set(key, point);
    }
  } else {
    // Days and weeks span at most half a year of entries (see bucketFor).
    // The bucket name is inlined (one of two constants), so SELECT and GROUP BY are the same expression.
    const start = sql<string>`to_char(date_trunc(${sql.raw(`'${bucket}'`)}, ${ledgerEntries.date}::timestamp), 'YYYY-MM-DD')`;
    const rows = await db.select({ start, revenueMinor: sumOfKind("revenue"), costMinor: sumOfKind("cost") }).from(ledgerEntries).where(where).groupBy(start);
    for (const r of rows) byStart.set(r.start, r);
  }
  const points: SeriesPoint[] = [];
  for (let s = bucketStart(from, bucket); s <= to; s = nextStart(s, bucket)) {
    points.push({ start: s, revenueMinor: byStart.get(s)?.revenueMinor ?? 0, costMinor: byStart.get(s)?.costMinor ?? 0 });
  }
  return { bucket, points };
}
