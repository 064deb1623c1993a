import type { AuthReasons } from "@/lib/error-reasons";
import type { Words } from "./words";

export function throttleMessage(minutes: number, what = "failed attempts"): string {
  return `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

// Right after accepting an invitation or setting a password the account is ready even if this sign-in failed.
const AFTER_SETUP = { invitation: "Your account is ready. Please log in.", set_password: "Your password is set. Please log in with your UID." } as const;

export const AUTH_WORDS: Words<keyof AuthReasons> = {
  "auth.throttled": ({ minutes, what }) => throttleMessage(minutes, what),
  "auth.wrong_credentials": ({ provider, after }) => (after === "login" ? (provider === "staff" ? "Wrong e-mail or password." : "Wrong UID or password.") : AFTER_SETUP[after]),
};
