import { and, gt, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { throttleCounters } from "@/db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

/** A counter ("login-ip:203.0.113.7") and how many attempts it allows per window. */
export interface Limit {
  key: string;
  max: number;
}

export type ThrottleStatus = { throttled: false } | { throttled: true; retryAfterMinutes: number };

function statusOf(rows: { key: string; hits: number; windowStart: Date }[], limits: readonly Limit[], windowMs: number, now: Date, exceeds: (hits: number, max: number) => boolean): ThrottleStatus {
  let retryAt = 0;
  for (const row of rows) {
    const limit = limits.find((l) => l.key === row.key);
    if (limit && exceeds(row.hits, limit.max)) retryAt = Math.max(retryAt, new Date(row.windowStart).getTime() + windowMs);
  }
  if (!retryAt) return { throttled: false };
  return { throttled: true, retryAfterMinutes: Math.max(1, Math.ceil((retryAt - now.getTime()) / 60_000)) };
}

/**
 * Counts one attempt against every limit and decides, in one statement: the upsert's row lock
 * serialises concurrent attempts, so each gets its own count and N parallel attempts never get
 * past the limit. A counter whose window has ended starts a new one. Attempts that are refused
 * count too (they are attempts); a success gives its slot back (`releaseAttempt`).
 */
export async function takeAttempt(db: DbOrTx, limits: readonly Limit[], windowMs = THROTTLE_WINDOW_MS, now = new Date()): Promise<ThrottleStatus> {
  if (!limits.length) return { throttled: false };
  // A raw parameter is not mapped by the column: pass the instant as text.
  const expired = sql`${throttleCounters.windowStart} <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  // Sorted keys: concurrent statements lock shared rows in the same order (no deadlock).
  const keys = [...new Set(limits.map((l) => l.key))].sort();
  const rows = await db
    .insert(throttleCounters)
    .values(keys.map((key) => ({ key, windowStart: now, hits: 1 })))
    .onConflictDoUpdate({
      target: throttleCounters.key,
      set: {
        hits: sql`CASE WHEN ${expired} THEN 1 ELSE ${throttleCounters.hits} + 1 END`,
        windowStart: sql`CASE WHEN ${expired} THEN excluded.window_start ELSE ${throttleCounters.windowStart} END`,
      },
    })
    .returning({ key: throttleCounters.key, hits: throttleCounters.hits, windowStart: throttleCounters.windowStart });
  return statusOf(rows, limits, windowMs, now, (hits, max) => hits > max);
}

/** Whether the next attempt would be refused, without counting one (e.g. before a valid token is used). */
export async function peekAttempts(db: DbOrTx, limits: readonly Limit[], windowMs = THROTTLE_WINDOW_MS, now = new Date()): Promise<ThrottleStatus> {
  if (!limits.length) return { throttled: false };
  const rows = await db
    .select({ key: throttleCounters.key, hits: throttleCounters.hits, windowStart: throttleCounters.windowStart })
    .from(throttleCounters)
    .where(and(inArray(throttleCounters.key, limits.map((l) => l.key)), gt(throttleCounters.windowStart, new Date(now.getTime() - windowMs))));
  return statusOf(rows, limits, windowMs, now, (hits, max) => hits >= max);
}

/** A successful attempt: the given counters are cleared, the others give back the slot it took. */
export async function releaseAttempt(db: DbOrTx, { clear, giveBack }: { clear: readonly string[]; giveBack: readonly string[] }, now = new Date()) {
  if (clear.length) await db.delete(throttleCounters).where(inArray(throttleCounters.key, [...clear]));
  if (giveBack.length) {
    await db
      .update(throttleCounters)
      .set({ hits: sql`GREATEST(${throttleCounters.hits} - 1, 0)` })
      .where(inArray(throttleCounters.key, [...giveBack]));
  }
  // Old windows are pruned as we go.
  await db.delete(throttleCounters).where(lt(throttleCounters.windowStart, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}
