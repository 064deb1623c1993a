// The languages of member-facing pages and mails. No locale in URLs: a page takes the language of
// the member it is for (signed in, or the member a link belongs to), else the dojo's default.
// Client-safe.

export const LOCALES = ["en", "nl", "fr", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, for the pickers (a Dutch member looks for "Nederlands"). */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", nl: "Nederlands", fr: "Français", de: "Deutsch" };

export const isLocale = (value: unknown): value is Locale => typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** The member's own language, else the dojo's default, else English. */
export function resolveLocale(memberLanguage: string | null | undefined, dojoDefault?: string | null): Locale {
  if (isLocale(memberLanguage)) return memberLanguage;
  if (isLocale(dojoDefault)) return dojoDefault;
  return DEFAULT_LOCALE;
}

// The Intl locale numbers and dates are written in. English keeps the app's British dates
// ("12 Mar 2026"); the others are the country of the language's main market for Tatami.
const DATE_LOCALES: Record<Locale, string> = { en: "en-GB", nl: "nl-NL", fr: "fr-FR", de: "de-DE" };
// Money in English keeps the app's existing "€1,234.50"; the others write "€ 1.234,50", "1 234,50 €".
const MONEY_LOCALES: Record<Locale, string> = { en: "en-US", nl: "nl-NL", fr: "fr-FR", de: "de-DE" };

export const dateLocale = (locale: Locale) => DATE_LOCALES[locale];
export const moneyLocale = (locale: Locale) => MONEY_LOCALES[locale];
