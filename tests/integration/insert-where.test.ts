import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { insertWhere } from "@/db/insert-where";
import { jobs } from "@/db/schema";

describe("insertWhere", () => {
  it("writes the row as values() would, defaults and casts included, when the condition holds", async () => {
    const db = await getDb();
    const runAt = new Date("2026-03-01T10:00:00Z");
    const [row] = await insertWhere(db, jobs, { kind: "test.insert-where", payload: { a: [1, "x"] }, runAt, dedupeKey: "insert-where:yes" }, sql`true`).returning();
    expect(row).toMatchObject({ kind: "test.insert-where", payload: { a: [1, "x"] }, runAt, status: "queued", attempts: 0, maxAttempts: 5, dojoId: null, lockedUntil: null });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes nothing when the condition is false", async () => {
    const db = await getDb();
    expect(await insertWhere(db, jobs, { kind: "test.insert-where", payload: {}, dedupeKey: "insert-where:no" }, sql`false`).returning()).toEqual([]);
    expect(await db.select().from(jobs).where(eq(jobs.dedupeKey, "insert-where:no"))).toEqual([]);
  });
});
