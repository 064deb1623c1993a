import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import { monthSums, sumMonths } from "./months";
import type { LedgerFilter } from "./filters";

export interface LedgerTotals {
  revenueMinor: number;
  costMinor: number;
  /** Revenue minus costs. */
  netMinor: number;
}

// SUM over bigint is numeric; cast back so drivers hand over an integer string, then a number.
export const sumOfKind = (kind: "revenue" | "cost") =>
  sql<number>`coalesce(sum(${ledgerEntries.amountMinor}) filter (where ${ledgerEntries.kind} = ${kind}), 0)::bigint`.mapWith(Number);

/**
 * Revenue, costs and net of the filtered entries. Amounts are summed as stored,
 * so corrections and refunds (negative entries, see lib/ledger/amounts.ts) reduce their kind's
 * total. Whole months come from the monthly rollup (./months.ts): the cost does not grow with the ledger.
 * `months`: the filter's month sums when the page already reads them for the list and the chart.
 */
export async function ledgerTotals(db: DbOrTx, dojoId: string, filter: Pick<LedgerFilter, "kind" | "range">, months = monthSums(db, dojoId, filter)): Promise<LedgerTotals> {
  const { revenueMinor, costMinor } = sumMonths(await months);
  return { revenueMinor, costMinor, netMinor: revenueMinor - costMinor };
}
