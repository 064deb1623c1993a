import { z } from "zod";
import { paramOf, type SearchParams } from "@/lib/pagination";
import { today } from "@/lib/dates";
import { capRange, isoDate, periodRange, PERIODS, type DateRange, type Period } from "./period";

export const KIND_FILTERS = ["all", "revenue", "cost"] as const;
export type KindFilter = (typeof KIND_FILTERS)[number];

/** What the ledger page, its chart and the CSV export are filtered by. */
export interface LedgerFilter {
  period: Period;
  kind: KindFilter;
  /** The custom dates as typed (kept to refill the filter form). */
  custom: DateRange;
  /** The resolved range the queries use. */
  range: DateRange;
  /** Why the range is not what was asked for (a custom range longer than the cap), for the page to say. */
  notice: string | null;
}

const periodSchema = z.enum(PERIODS).catch("this-year");
const kindSchema = z.enum(KIND_FILTERS).catch("all");
const optionalDate = isoDate.nullable().catch(null);

/** Reads the filter from URL search params; anything malformed falls back to a default. */
export function ledgerFilterFrom(params: SearchParams, on = today()): LedgerFilter {
  const period = periodSchema.parse(paramOf(params, "period") || undefined);
  const kind = kindSchema.parse(paramOf(params, "kind") || undefined);
  const custom = { from: optionalDate.parse(paramOf(params, "from") || null), to: optionalDate.parse(paramOf(params, "to") || null) };
  const { range, notice } = capRange(periodRange(period, on, custom));
  return { period, kind, custom, range, notice };
}

/** The filter as search params again, for links (pagination, export) that keep it. */
export function ledgerFilterParams(filter: LedgerFilter): Record<string, string | undefined> {
  return {
    period: filter.period,
    kind: filter.kind === "all" ? undefined : filter.kind,
    from: filter.period === "custom" ? (filter.custom.from ?? undefined) : undefined,
    to: filter.period === "custom" ? (filter.custom.to ?? undefined) : undefined,
  };
}
