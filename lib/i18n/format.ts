// Money and dates in one language, for a page that shows many: `const f = formatIn(locale)`, then
// `f.money(minor, currency)`, `f.date(day)`. English keeps the app's existing output. Client-safe.
import { formatDate, formatDateTime, formatPeriodStart } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { moneyLocale, type Locale } from "./locales";

export function formatIn(locale: Locale) {
  return {
    locale,
    money: (minor: number, currency: string) => formatMoney(minor, currency, moneyLocale(locale)),
    /** A calendar date as it is, a moment on its day in `timeZone`. */
    date: (value: string | Date, timeZone = "UTC") => formatDate(value, timeZone, locale),
    dateTime: (moment: Date, timeZone: string) => formatDateTime(moment, timeZone, locale),
    periodStart: (day: string, unit: "day" | "month" | "year") => formatPeriodStart(day, unit, locale),
  };
}

export type Formats = ReturnType<typeof formatIn>;
