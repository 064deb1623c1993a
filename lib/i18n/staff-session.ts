import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getStaffSession } from "@/lib/auth/session";
import { resolveStaffLocale, staffLocaleFromAcceptLanguage, type StaffLocale } from "./staff-locales";
import { staffTranslator } from "./staff-messages";
import type { Translate } from "./messages";

/** The signed-in staff member's dashboard language; signed out (the login pages), the browser's. */
export const staffLocale = cache(async (): Promise<StaffLocale> => {
  const session = await getStaffSession();
  if (session) return resolveStaffLocale(session.user.language, session.dojo.defaultLanguage);
  return signedOutStaffLocale();
});

/** The language of the login and sign-up forms' answers: nobody is signed in there, so the browser's. */
export async function signedOutStaffLocale(): Promise<StaffLocale> {
  return staffLocaleFromAcceptLanguage((await headers()).get("accept-language"));
}

/** A server component's or action's `t` for a staff namespace: `const t = await staffT("staff.members")`. */
export async function staffT(namespace: string): Promise<Translate> {
  return staffTranslator(await staffLocale(), namespace);
}
