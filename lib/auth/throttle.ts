import { and, count, eq, gt, lt, min } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { loginAttempts } from "@/db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
// Per identifier from one address: a guesser is stopped without locking the real user, who
// logs in from another address. Per address: spraying many accounts. Per identifier from
// anywhere: a distributed attack; it locks the account too, but only for the window.
const LIMITS = { pair: 10, ip: 50, identifier: 100 } as const;

export type ThrottleStatus = { throttled: false } | { throttled: true; retryAfterMinutes: number };

export async function throttleStatus(db: DbOrTx, identifier: string, ip: string, now = new Date()): Promise<ThrottleStatus> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const failed = and(eq(loginAttempts.success, false), gt(loginAttempts.at, since));
  const checks = [
    { where: and(failed, eq(loginAttempts.identifier, identifier), eq(loginAttempts.ip, ip)), limit: LIMITS.pair },
    { where: and(failed, eq(loginAttempts.ip, ip)), limit: LIMITS.ip },
    { where: and(failed, eq(loginAttempts.identifier, identifier)), limit: LIMITS.identifier },
  ];
  let retryAt = 0;
  for (const check of checks) {
    const [row] = await db.select({ n: count(), oldest: min(loginAttempts.at) }).from(loginAttempts).where(check.where);
    if (row && row.n >= check.limit && row.oldest) {
      retryAt = Math.max(retryAt, new Date(row.oldest).getTime() + THROTTLE_WINDOW_MS);
    }
  }
  if (!retryAt) return { throttled: false };
  return { throttled: true, retryAfterMinutes: Math.max(1, Math.ceil((retryAt - now.getTime()) / 60_000)) };
}

export async function recordLoginAttempt(db: DbOrTx, identifier: string, ip: string, success: boolean, now = new Date()) {
  await db.insert(loginAttempts).values({ identifier, ip, success, at: now });
  if (success) {
    // A successful login wipes that pair's failures, and old rows are pruned as we go.
    await db.delete(loginAttempts).where(and(eq(loginAttempts.identifier, identifier), eq(loginAttempts.ip, ip), eq(loginAttempts.success, false)));
    await db.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
  }
}

export function throttleMessage(minutes: number): string {
  return `Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
