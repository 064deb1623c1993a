import { resolveLocale, type Locale } from "./locales";

/**
 * The language of a mail to the dojo's staff (order notices, failed refunds, invitations).
 * For now the dojo's default language; once staff choose theirs (`staff_users.language`, the
 * staff dashboard's English or Dutch), pass it as `staffLanguage` and it wins.
 */
export function staffMailLocale(dojoDefault: string | null | undefined, staffLanguage?: string | null): Locale {
  return resolveLocale(staffLanguage, dojoDefault);
}
