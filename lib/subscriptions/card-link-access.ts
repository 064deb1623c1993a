import "server-only";
import type { DbOrTx } from "@/db/client";
import { peekAttempts, takeAttempt, type Limit } from "@/lib/auth/throttle";
import { resolveCardLink } from "@/lib/card-links/resolve-card-link";

export type CardLinkAccess =
  | { ok: true; link: NonNullable<Awaited<ReturnType<typeof resolveCardLink>>> }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

// Per address: bad tokens are counted, so guessing stops after a few tries while every other
// member's link keeps working (and a member opening their own link repeatedly is never counted).
const limitFor = (ip: string): Limit[] => [{ key: `card-link-ip:${ip}`, max: 10 }];

/** Opens a `/card/<token>` link for the page and its actions: throttled, and null-safe for bad tokens. */
export async function openCardLink(db: DbOrTx, token: string, ip: string): Promise<CardLinkAccess> {
  const throttle = await peekAttempts(db, limitFor(ip));
  if (throttle.throttled) return { ok: false, reason: "throttled", retryAfterMinutes: throttle.retryAfterMinutes };
  const link = await resolveCardLink(db, token);
  if (!link) {
    const counted = await takeAttempt(db, limitFor(ip));
    if (counted.throttled) return { ok: false, reason: "throttled", retryAfterMinutes: counted.retryAfterMinutes };
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, link };
}
