import "server-only";
import type { DbOrTx } from "@/db/client";
import { recordLoginAttempt, throttleStatus } from "@/lib/auth/throttle";
import { resolveCardLink } from "@/lib/card-links/resolve-card-link";

export type CardLinkAccess =
  | { ok: true; link: NonNullable<Awaited<ReturnType<typeof resolveCardLink>>> }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

// Per address, with the login throttle's table: bad tokens count as failed attempts, so guessing
// stops after a few tries while every other member's link keeps working.
const identifierFor = (ip: string) => `card-link:${ip}`;

/** Opens a `/card/<token>` link for the page and its actions: throttled, and null-safe for bad tokens. */
export async function openCardLink(db: DbOrTx, token: string, ip: string): Promise<CardLinkAccess> {
  const throttle = await throttleStatus(db, identifierFor(ip), ip);
  if (throttle.throttled) return { ok: false, reason: "throttled", retryAfterMinutes: throttle.retryAfterMinutes };
  const link = await resolveCardLink(db, token);
  if (!link) {
    await recordLoginAttempt(db, identifierFor(ip), ip, false);
    return { ok: false, reason: "invalid" };
  }
  return { ok: true, link };
}
