import type { AuthReasons } from "@/lib/error-reasons";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { say, type Words } from "./words";

/** "Too many failed attempts. Try again in 14 minutes." (also for the card link's own refusal). */
export function throttleMessage(minutes: number, what: AuthReasons["auth.throttled"]["what"] = "failed attempts", locale: Locale = DEFAULT_LOCALE): string {
  return translator(locale, "errors")("auth.throttled", { minutes, what });
}

export const AUTH_WORDS: Words<keyof AuthReasons> = {
  "auth.throttled": say,
  // Right after accepting an invitation or setting a password the account is ready even if this sign-in failed.
  "auth.wrong_credentials": say,
};
