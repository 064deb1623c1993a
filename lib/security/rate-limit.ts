import { eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimitBuckets } from "@/db/schema";

/** A token bucket: `capacity` attempts at once, then one more every `refillMs`. */
export interface RateLimit {
  capacity: number;
  refillMs: number;
}

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Takes one token from the bucket `key`, or refuses. ONE statement decides and records: the
 * upsert locks the bucket's row, refills it for the time passed, and only takes a token (and
 * returns the row) while one is left. Parallel attempts queue on that row lock and each sees
 * the count the previous one left, so N at once can never all pass a limit of fewer — unlike a
 * count followed by an insert, which they would all pass before any of them is recorded.
 * Refused attempts take nothing, so a refusal never pushes the next success further away.
 */
export async function takeToken(db: DbOrTx, key: string, limit: RateLimit, now = new Date()): Promise<RateLimitResult> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const elapsedMs = sql`greatest(0, extract(epoch from (${at} - ${rateLimitBuckets.updatedAt})) * 1000)`;
  const refilled = sql`least(${limit.capacity}::float8, ${rateLimitBuckets.tokens} + ${elapsedMs} / ${limit.refillMs}::float8)`;
  const taken = await db
    .insert(rateLimitBuckets)
    .values({ key, tokens: limit.capacity - 1, updatedAt: now })
    .onConflictDoUpdate({ target: rateLimitBuckets.key, set: { tokens: sql`${refilled} - 1`, updatedAt: now }, setWhere: sql`${refilled} >= 1` })
    .returning({ tokens: rateLimitBuckets.tokens });
  if (taken.length > 0) return { allowed: true };
  const [bucket] = await db.select({ refilled: sql<number>`${refilled}` }).from(rateLimitBuckets).where(eq(rateLimitBuckets.key, key));
  return { allowed: false, retryAfterMs: Math.max(1_000, Math.ceil((1 - Number(bucket?.refilled ?? 0)) * limit.refillMs)) };
}

/** Buckets untouched for a day are full again for every limit we use: dropping them changes nothing. */
export async function pruneRateLimitBuckets(db: DbOrTx, now = new Date()): Promise<void> {
  await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.updatedAt, new Date(now.getTime() - 24 * 60 * 60 * 1000)));
}

/** How long to wait, rounded up: minutes under an hour, else hours — for refusal messages ("2 minutes", "1 hour"). */
export function waitTime(ms: number): { unit: "minutes" | "hours"; count: number } {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes < 60 ? { unit: "minutes", count: minutes } : { unit: "hours", count: Math.ceil(minutes / 60) };
}
