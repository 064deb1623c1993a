// Every date and time the app shows is formatted here. Two kinds of value:
// - calendar dates ("YYYY-MM-DD": due dates, periods) are stored and compared as such, so a day
//   never shifts with anyone's time zone;
// - moments (a payment at 23:30 UTC) are shown in the dojo's own time zone (dojos.time_zone), so
//   every page, mail and document shows the same day — the day it was in the dojo.
// Dates are written in British English unless a member's language is given (lib/i18n/locales.ts).
// Client-safe.
import { dateLocale, type Locale } from "./i18n/locales";

/** The zone a sign-up gets when the browser tells none. Dojos from before the setting keep UTC. */
export const DEFAULT_TIME_ZONE = "Europe/Amsterdam";

/** The time zone of the machine running this (in a browser: the person's), for sign-up. */
export function currentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || DEFAULT_TIME_ZONE;
}

/** The IANA name in its canonical spelling ("europe/amsterdam" → "Europe/Amsterdam"); null when unknown. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-GB", { timeZone: name.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The UTC calendar date (YYYY-MM-DD) of a moment. */
export function isoDate(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** Today's calendar date (YYYY-MM-DD), as due dates and periods are compared against it. */
export function today(now = new Date()): string {
  return isoDate(now);
}

/** The calendar date (YYYY-MM-DD) a moment falls on in a time zone. */
export function localDate(moment: Date, timeZone: string): string {
  return formatterFor("iso", timeZone).format(moment);
}

/** The moment a calendar date (YYYY-MM-DD) begins in a time zone (a pause's resume date, say). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // The zone's offset at the first guess, then at the corrected moment (a day starting on a DST change).
  let moment = utcMidnight;
  for (let i = 0; i < 2; i++) moment = utcMidnight - zoneOffsetMs(moment, timeZone);
  return new Date(moment);
}

function zoneOffsetMs(moment: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" }).formatToParts(new Date(moment));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second")) - moment;
}

/** The calendar date `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

const STYLES = {
  // "12 Mar 2026"
  date: { day: "numeric", month: "short", year: "numeric" },
  // "12 March 2026"
  longDate: { day: "numeric", month: "long", year: "numeric" },
  // "12 Mar 2026, 14:05"
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  // "12 March at 14:05 CET": when a link in a mail stops working
  longDateTime: { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZoneName: "short" },
  // Chart axis labels of a period's first day
  day: { day: "numeric", month: "short" },
  month: { month: "short", year: "2-digit" },
  year: { year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type Style = keyof typeof STYLES;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(style: Style | "iso", timeZone: string, locale: Locale = "en"): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}|${locale}`;
  let format = formatters.get(key);
  if (!format) {
    // en-CA writes dates as YYYY-MM-DD.
    format = style === "iso" ? new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }) : new Intl.DateTimeFormat(dateLocale(locale), { ...STYLES[style], timeZone });
    formatters.set(key, format);
  }
  return format;
}

// A calendar date is the same day everywhere: formatted at UTC midnight, in UTC.
function format(style: Style, value: string | Date, timeZone: string, locale?: Locale): string {
  return typeof value === "string" ? formatterFor(style, "UTC", locale).format(new Date(`${value}T00:00:00Z`)) : formatterFor(style, timeZone, locale).format(value);
}

/** "12 Mar 2026": a calendar date as it is, a moment on its day in the dojo's time zone. */
export function formatDate(day: string): string;
export function formatDate(value: string | Date, timeZone: string, locale?: Locale): string;
export function formatDate(value: string | Date, timeZone = "UTC", locale?: Locale): string {
  return format("date", value, timeZone, locale);
}

/** "12 March 2026", for mails and documents. */
export function formatLongDate(day: string): string;
export function formatLongDate(value: string | Date, timeZone: string, locale?: Locale): string;
export function formatLongDate(value: string | Date, timeZone = "UTC", locale?: Locale): string {
  return format("longDate", value, timeZone, locale);
}

/** "12 Mar 2026, 14:05" in the dojo's time zone. */
export function formatDateTime(moment: Date, timeZone: string, locale?: Locale): string {
  return format("dateTime", moment, timeZone, locale);
}

/** "12 March at 14:05 CET": a deadline, with the zone named because the reader may be elsewhere. */
export function formatLongDateTime(moment: Date, timeZone: string, locale?: Locale): string {
  return format("longDateTime", moment, timeZone, locale);
}

/** A chart label for the period that starts on a calendar date: "12 Mar", "Mar 26", "2026". */
export function formatPeriodStart(day: string, unit: "day" | "month" | "year", locale?: Locale): string {
  return format(unit, day, "UTC", locale);
}
