import "server-only";
import { cookies } from "next/headers";
import { getMemberSession } from "@/lib/auth/session";
import { LANGUAGE_COOKIE } from "@/lib/i18n/language-cookie";
import { isLocale, resolveLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The shop's language for this request: the language the visitor picked (cookie), else the one
 * already known for them (`known`: their order's), else the signed-in member's, else the dojo's
 * default.
 */
export async function shopLocale(dojo: { id: string; defaultLanguage: string }, known?: string | null): Promise<Locale> {
  const picked = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  if (isLocale(picked)) return picked;
  if (isLocale(known)) return known;
  const session = await getMemberSession();
  const member = session && session.dojo.id === dojo.id ? session.member : null;
  return resolveLocale(member?.language, dojo.defaultLanguage);
}
