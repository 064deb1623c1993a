import "server-only";
import type { Metadata } from "next";
import { getMemberSession, type MemberContext } from "@/lib/auth/session";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

/** The members area speaks the member's language, else the dojo's default. */
export const portalLocale = ({ member, dojo }: MemberContext): Locale => resolveLocale(member.language, dojo.defaultLanguage);

/** A page's <title> (portal.<key>) in the member's language; the page itself sends a visitor without a session to the login. */
export async function portalTitle(key: string): Promise<Metadata> {
  const session = await getMemberSession();
  return { title: translator(session ? portalLocale(session) : DEFAULT_LOCALE, "portal")(key) };
}
