// Calendar dates are stored and compared as "YYYY-MM-DD" in UTC, so a day never shifts with
// the server's or the reader's time zone. Client-safe.

/** The UTC calendar date (YYYY-MM-DD) of a moment. */
export function isoDate(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** Today's calendar date (YYYY-MM-DD), as due dates and periods are compared against it. */
export function today(now = new Date()): string {
  return isoDate(now);
}

/** The calendar date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "12 Mar 2026", from a YYYY-MM-DD date or a moment. */
export function formatDate(value: string | Date): string {
  return dateFormat.format(typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value);
}
