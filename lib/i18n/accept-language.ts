import { DEFAULT_LOCALE, isLocale, type Locale } from "./locales";

/**
 * The first of our languages a browser asks for (`Accept-Language: nl-BE,nl;q=0.9,en;q=0.8` →
 * "nl"), by its weights; English when it asks for none of them. For pages before anyone is known
 * (the members area's login).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const asked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split("-")[0], weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((a) => a.weight > 0 && !Number.isNaN(a.weight))
    // Equal weights keep the browser's order.
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return asked.map((a) => a.language).find(isLocale) ?? DEFAULT_LOCALE;
}
