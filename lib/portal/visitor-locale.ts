import "server-only";
import { headers } from "next/headers";
import { localeFromAcceptLanguage } from "@/lib/i18n/accept-language";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The language of the members area's login, where no member is known yet: the address names no
 * dojo, so the browser's languages decide (English when it asks for none of ours).
 */
export async function visitorLocale(): Promise<Locale> {
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}
