import { and, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ledgerEntries, ledgerMonths } from "@/db/schema";
import { addDays } from "@/lib/dates";
import { ledgerConditions } from "./conditions";
import type { LedgerFilter } from "./filters";
import type { DateRange } from "./period";

/** One month's sums of one kind (all currencies, as the ledger's totals always were). */
export interface MonthSum {
  /** The first day of the month, "YYYY-MM-DD". */
  month: string;
  kind: "revenue" | "cost";
  amountMinor: number;
  entryCount: number;
}

const monthOf = (day: string) => `${day.slice(0, 8)}01`;

/** The first day of the next month, or null past year 9999. */
function nextMonth(month: string): string | null {
  const [y, m] = month.split("-").map(Number);
  if (m < 12) return `${month.slice(0, 5)}${String(m + 1).padStart(2, "0")}-01`;
  return y >= 9999 ? null : `${String(y + 1).padStart(4, "0")}-01-01`;
}

/** The first day of the previous month, or null before year 0000. */
function previousMonth(month: string): string | null {
  const [y, m] = month.split("-").map(Number);
  if (m > 1) return `${month.slice(0, 5)}${String(m - 1).padStart(2, "0")}-01`;
  return y <= 0 ? null : `${String(y - 1).padStart(4, "0")}-12-01`;
}

export interface RangeSplit {
  /** The whole months inside the range (first days, inclusive; null = unbounded), or null for none. */
  months: DateRange | null;
  /** The days at either end that are not a whole month: read from the entries themselves. */
  edges: DateRange[];
}

/**
 * A date range as the whole months the rollup answers and at most two partial months at its
 * ends, which the entries answer (at most two months of rows, whatever the ledger's size).
 */
export function splitRange({ from, to }: DateRange): RangeSplit {
  const first = from === null ? null : from.endsWith("-01") ? from : nextMonth(monthOf(from));
  const endsMonth = to !== null && addDays(to, 1).endsWith("-01");
  const last = to === null ? null : endsMonth ? monthOf(to) : previousMonth(monthOf(to));
  const none = (from !== null && first === null) || (to !== null && last === null) || (first !== null && last !== null && first > last);
  if (none) return { months: null, edges: [{ from, to }] };
  const edges: DateRange[] = [];
  if (from !== null && first !== from) edges.push({ from, to: addDays(first!, -1) });
  if (to !== null && !endsMonth) edges.push({ from: monthOf(to), to });
  return { months: { from: first, to: last }, edges };
}

const sumOf = (column: SQL | typeof ledgerMonths.amountMinor) => sql<number>`coalesce(sum(${column}), 0)::bigint`.mapWith(Number);

/**
 * The filtered ledger summed per month and kind: whole months from ledger_months, the partial
 * months at the range's ends from the entries. Months without entries are absent.
 */
export async function monthSums(db: DbOrTx, dojoId: string, filter: Pick<LedgerFilter, "kind" | "range">): Promise<MonthSum[]> {
  const { months, edges } = splitRange(filter.range);
  const reads: Promise<MonthSum[]>[] = [];
  if (months) {
    reads.push(
      db
        .select({ month: ledgerMonths.month, kind: ledgerMonths.kind, amountMinor: sumOf(ledgerMonths.amountMinor), entryCount: sumOf(sql`${ledgerMonths.entryCount}`) })
        .from(ledgerMonths)
        .where(
          and(
            eq(ledgerMonths.dojoId, dojoId),
            filter.kind === "all" ? undefined : eq(ledgerMonths.kind, filter.kind),
            months.from ? gte(ledgerMonths.month, months.from) : undefined,
            months.to ? lte(ledgerMonths.month, months.to) : undefined,
          ),
        )
        .groupBy(ledgerMonths.month, ledgerMonths.kind),
    );
  }
  const month = sql<string>`to_char(date_trunc('month', ${ledgerEntries.date}::timestamp), 'YYYY-MM-DD')`;
  for (const range of edges) {
    reads.push(
      db
        .select({ month, kind: ledgerEntries.kind, amountMinor: sumOf(sql`${ledgerEntries.amountMinor}`), entryCount: sql<number>`count(*)::int`.mapWith(Number) })
        .from(ledgerEntries)
        .where(ledgerConditions(dojoId, { kind: filter.kind, range }))
        .groupBy(month, ledgerEntries.kind),
    );
  }
  return (await Promise.all(reads)).flat();
}

/** Revenue and cost sums and the entry count over month sums. */
export function sumMonths(rows: MonthSum[]): { revenueMinor: number; costMinor: number; entryCount: number } {
  let revenueMinor = 0;
  let costMinor = 0;
  let entryCount = 0;
  for (const r of rows) {
    if (r.kind === "revenue") revenueMinor += r.amountMinor;
    else costMinor += r.amountMinor;
    entryCount += r.entryCount;
  }
  return { revenueMinor, costMinor, entryCount };
}
