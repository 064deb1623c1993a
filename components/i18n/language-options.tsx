import { LANGUAGE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/** The <option>s of a language picker, each language in its own words (all four unless narrowed). */
export function LanguageOptions({ locales = LOCALES }: { locales?: readonly Locale[] }) {
  return locales.map((locale) => (
    <option key={locale} value={locale}>
      {LANGUAGE_NAMES[locale]}
    </option>
  ));
}
