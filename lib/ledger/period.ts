import { z } from "zod";

// The periods the ledger can be filtered by. Dates are calendar days (YYYY-MM-DD), inclusive at
// both ends; "today" is the UTC date, as everywhere dates are compared (lib/dates.ts).
export const PERIODS = ["this-month", "last-month", "this-year", "last-year", "last-12-months", "custom"] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Record<Period, string> = {
  "this-month": "This month",
  "last-month": "Last month",
  "this-year": "This year",
  "last-year": "Last year",
  "last-12-months": "Last 12 months",
  custom: "Custom dates",
};

/** A date range; a missing end means "unbounded" (only a custom period can have one). */
export interface DateRange {
  from: string | null;
  to: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
// Day 0 of the next month is the last day of this one; Date.UTC normalises month overflow.
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const [y, m, d] = v.split("-").map(Number);
    return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m);
  });

/** The range a period covers, relative to `today` (YYYY-MM-DD). */
export function periodRange(period: Period, today: string, custom: DateRange = { from: null, to: null }): DateRange {
  const [y, m] = today.split("-").map(Number);
  switch (period) {
    case "this-month":
      return { from: iso(y, m, 1), to: iso(y, m, lastDay(y, m)) };
    case "last-month": {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: iso(py, pm, 1), to: iso(py, pm, lastDay(py, pm)) };
    }
    case "this-year":
      return { from: iso(y, 1, 1), to: iso(y, 12, 31) };
    case "last-year":
      return { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) };
    case "last-12-months": {
      // The current month and the eleven before it, whole months so the chart has 12 full bars.
      const [sy, sm] = m === 12 ? [y, 1] : [y - 1, m + 1];
      return { from: iso(sy, sm, 1), to: iso(y, m, lastDay(y, m)) };
    }
    case "custom": {
      const { from, to } = custom;
      // Swapped ends are read as the range the person meant rather than an empty result.
      return from && to && from > to ? { from: to, to: from } : { from, to };
    }
  }
}

/** Every month ("YYYY-MM") from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  let [y, m] = from.split("-").map(Number);
  const [ey, em] = to.split("-").map(Number);
  const out: string[] = [];
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${y}-${pad(m)}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}
