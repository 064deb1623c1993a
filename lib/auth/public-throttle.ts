import type { DbOrTx } from "@/db/client";
import { refused } from "@/lib/errors";
import { takeAttempt } from "./throttle";

// Public forms that hash a password (or send mail) for anyone who asks: each address gets a
// number of tries per window, counted before any token is looked up or password hashed.
const PUBLIC_LIMITS = {
  // A member sets a password once; a few typos in the repeat field at most.
  "set-password": { max: 20, windowMs: 15 * 60_000 },
  "accept-invitation": { max: 20, windowMs: 15 * 60_000 },
  // A club's shared Wi-Fi may sign up a few dojos; nobody needs more in an hour.
  signup: { max: 10, windowMs: 60 * 60_000 },
  // Per e-mail address: at most this many sign-up mails to one inbox per hour.
  "signup-email": { max: 3, windowMs: 60 * 60_000 },
} as const;

export type PublicEndpoint = keyof typeof PUBLIC_LIMITS;

/** Counts one request from `who` (an address, or an e-mail for "signup-email"); refuses past the limit. */
export async function throttlePublicEndpoint(db: DbOrTx, endpoint: PublicEndpoint, who: string, now = new Date()) {
  const { max, windowMs } = PUBLIC_LIMITS[endpoint];
  const status = await takeAttempt(db, [{ key: `${endpoint}:${who}`, max }], windowMs, now);
  if (status.throttled) throw refused("auth.throttled", { minutes: status.retryAfterMinutes, what: "attempts" });
}
