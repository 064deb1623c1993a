import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { pruneRateLimitBuckets, takeToken, waitTime } from "./rate-limit";

const limit = { capacity: 10, refillMs: 60_000 };

describe("takeToken", () => {
  it("40 attempts at once: exactly the capacity passes (one statement decides and records)", async () => {
    const db = await getDb();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 40 }, () => takeToken(db, "test:parallel", limit, now)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.find((r) => !r.allowed)).toEqual({ allowed: false, retryAfterMs: 60_000 });
  });

  it("refills one token per interval, never above the capacity; refusals take nothing", async () => {
    const db = await getDb();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const at = (ms: number) => new Date(t0.getTime() + ms);
    for (let i = 0; i < 10; i++) expect((await takeToken(db, "test:refill", limit, t0)).allowed).toBe(true);
    for (let i = 0; i < 5; i++) expect(await takeToken(db, "test:refill", limit, at(30_000))).toEqual({ allowed: false, retryAfterMs: 30_000 });
    expect((await takeToken(db, "test:refill", limit, at(60_000))).allowed).toBe(true);
    expect((await takeToken(db, "test:refill", limit, at(61_000))).allowed).toBe(false);
    // A day later the bucket is full again, but not fuller: ten, not a thousand.
    const later = at(24 * 60 * 60_000);
    const burst = await Promise.all(Array.from({ length: 12 }, () => takeToken(db, "test:refill", limit, later)));
    expect(burst.filter((r) => r.allowed)).toHaveLength(10);
    // Buckets are per key.
    expect((await takeToken(db, "test:other", limit, later)).allowed).toBe(true);
    await pruneRateLimitBuckets(db, new Date(later.getTime() + 25 * 60 * 60_000));
    expect((await takeToken(db, "test:refill", { capacity: 1, refillMs: 1 }, later)).allowed).toBe(true);
  });

  it("says how long to wait", () => {
    expect(waitTime(1_000)).toEqual({ unit: "minutes", count: 1 });
    expect(waitTime(9 * 60_000 + 1)).toEqual({ unit: "minutes", count: 10 });
    expect(waitTime(90 * 60_000)).toEqual({ unit: "hours", count: 2 });
  });
});
