import { z } from "zod";
import { addDays, formatDate } from "@/lib/dates";

// The periods the ledger can be filtered by. Dates are calendar days (YYYY-MM-DD), inclusive at
// both ends; "today" is the UTC date, as everywhere dates are compared (lib/dates.ts).
export const PERIODS = ["this-month", "last-month", "this-year", "last-year", "last-12-months", "custom"] as const;
export type Period = (typeof PERIODS)[number];

/** A date range; a missing end means "unbounded" (only a custom period can have one). */
export interface DateRange {
  from: string | null;
  to: string | null;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, "0")}-${pad(m)}-${pad(d)}`;
// Day 0 of the next month is the last day of this one; Date.UTC normalises month overflow.
const lastDay = (y: number, m: number) => {
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, m, 0));
  date.setUTCFullYear(y, m, 0);
  return date.getUTCDate();
};

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

/**
 * The longest range the ledger shows at once. A range of centuries made a page of megabytes and
 * seconds of database work (issue 15); five years cover any tax question, and the totals, chart
 * and export of longer spans are a matter of a few clicks.
 */
export const MAX_RANGE_YEARS = 5;

/** A range ending within MAX_RANGE_YEARS of its start, and the message when it had to be shortened. */
// "1 Jan 2026"; years before 1000 as typed ("0005-12-31"), which Intl would print as "5".
const dayLabel = (day: string) => (day < "1000" ? day : formatDate(day));

export function capRange(range: DateRange): { range: DateRange; notice: string | null } {
  const { from, to } = range;
  if (!from || !to) return { range, notice: null };
  const [y, m, d] = from.split("-").map(Number);
  if (y + MAX_RANGE_YEARS > 9999) return { range, notice: null };
  // The day before the same date five years on; from 29 February, the day before 1 March.
  const sameDay = m === 2 && d === 29 && lastDay(y + MAX_RANGE_YEARS, 2) === 28 ? iso(y + MAX_RANGE_YEARS, 3, 1) : iso(y + MAX_RANGE_YEARS, m, d);
  const last = addDays(sameDay, -1);
  if (to <= last) return { range, notice: null };
  return { range: { from, to: last }, notice: `A custom range covers at most ${MAX_RANGE_YEARS} years, so this shows ${dayLabel(from)} – ${dayLabel(last)}. Choose a later start for later dates.` };
}
