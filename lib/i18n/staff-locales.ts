// The staff dashboard's languages: fewer than members' pages (the dojos Tatami sells to first are
// Dutch-speaking; a dashboard language is a whole product surface to keep translated). Client-safe.
import type { Locale } from "./locales";

export const STAFF_LOCALES = ["en", "nl"] as const satisfies readonly Locale[];
export type StaffLocale = (typeof STAFF_LOCALES)[number];

export const isStaffLocale = (value: unknown): value is StaffLocale => typeof value === "string" && (STAFF_LOCALES as readonly string[]).includes(value);

/** The person's own choice, else the dojo's default language when the dashboard has it, else English. */
export function resolveStaffLocale(userLanguage: string | null | undefined, dojoDefault?: string | null): StaffLocale {
  if (isStaffLocale(userLanguage)) return userLanguage;
  if (isStaffLocale(dojoDefault)) return dojoDefault;
  return "en";
}

/**
 * Before anyone signs in (the login and sign-up pages): the browser's most wanted language the
 * dashboard has, from an Accept-Language header ("nl-BE,nl;q=0.9,en;q=0.8" → "nl"), else English.
 */
export function staffLocaleFromAcceptLanguage(header: string | null | undefined): StaffLocale {
  const wanted = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((w) => w.q > 0 && isStaffLocale(w.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (wanted[0]?.language as StaffLocale | undefined) ?? "en";
}
