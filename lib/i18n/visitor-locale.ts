import "server-only";
import { headers } from "next/headers";
import { localeFromAcceptLanguage } from "@/lib/i18n/accept-language";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The language of a visitor no one knows yet (the members area's login; a card, invitation or
 * unsubscribe link that does not open): the browser's languages decide (English when it asks for
 * none of ours).
 */
export async function visitorLocale(): Promise<Locale> {
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}
