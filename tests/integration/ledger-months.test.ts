import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { ledgerEntries, ledgerMonths } from "@/db/schema";
import { appendLedgerEntry } from "@/lib/ledger/append";
import { monthSums, splitRange, sumMonths } from "@/lib/ledger/months";
import { ledgerTotals } from "@/lib/ledger/totals";
import { createDojo } from "../support/factories";

type Row = { dojoId: string; month: string; kind: string; currency: string; slot: number; amountMinor: number; entryCount: number };
const keyOf = (r: Row) => `${r.dojoId} ${r.month} ${r.kind} ${r.currency} ${r.slot}`;
// Each key is spread over 8 slots, an entry counting in the slot of its invoice's id, or of its own
// (migration 0029_rollup_slots): written out here, not read from the database's rollup_slot().
const slotSql = sql<number>`(('x' || right(coalesce(${ledgerEntries.invoiceId}, ${ledgerEntries.id})::text, 2))::bit(8)::int % 8)`.mapWith(Number);
const sorted = (rows: Row[]) => rows.map((r) => ({ ...r, amountMinor: Number(r.amountMinor), entryCount: Number(r.entryCount) })).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

/** The rollup as stored, and as the entries say it must be, for these dojos. */
async function rollupAndTruth(db: DbOrTx, dojoIds: string[]) {
  const stored = await db.select().from(ledgerMonths).where(inArray(ledgerMonths.dojoId, dojoIds));
  const month = sql<string>`to_char(date_trunc('month', ${ledgerEntries.date}::timestamp), 'YYYY-MM-DD')`;
  const truth = await db
    .select({
      dojoId: ledgerEntries.dojoId,
      month,
      kind: ledgerEntries.kind,
      currency: ledgerEntries.currency,
      slot: slotSql,
      amountMinor: sql<number>`sum(${ledgerEntries.amountMinor})::bigint`.mapWith(Number),
      entryCount: sql<number>`count(*)::int`.mapWith(Number),
    })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.dojoId, dojoIds))
    .groupBy(ledgerEntries.dojoId, month, ledgerEntries.kind, ledgerEntries.currency, slotSql);
  return { stored: sorted(stored), truth: sorted(truth) };
}

// Dates over a few years, month ends and leap days included, so appends cross months and years.
const day = fc.date({ min: new Date("2023-11-01T00:00:00Z"), max: new Date("2026-02-28T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const append = (dojoCount: number) =>
  fc.record({
    dojo: fc.nat({ max: dojoCount - 1 }),
    date: day,
    kind: fc.constantFrom("revenue" as const, "cost" as const),
    currency: fc.constantFrom("EUR", "USD", "JPY"),
    amountMinor: fc.integer({ min: -50_000, max: 500_000 }),
  });

describe("the ledger's monthly rollup", () => {
  it("equals the sum of the entries after any appends, one by one or many in one statement", async () => {
    const db = await getDb();
    const dojos = await Promise.all([createDojo(), createDojo(), createDojo()]);
    const ids = dojos.map((d) => d.id);
    await fc.assert(
      fc.asyncProperty(fc.array(append(dojos.length), { minLength: 1, maxLength: 12 }), fc.boolean(), async (appends, together) => {
        const rows = appends.map((a) => ({ dojoId: ids[a.dojo], date: a.date, kind: a.kind, currency: a.currency, amountMinor: a.amountMinor, category: "Fees", description: "property" }));
        if (together) await db.insert(ledgerEntries).values(rows);
        else await db.transaction(async (tx) => { for (const r of rows) await appendLedgerEntry(tx, r); });
        const { stored, truth } = await rollupAndTruth(db, ids);
        expect(stored).toEqual(truth);
      }),
      { numRuns: 15 },
    );
  });

  it("gives the same totals and count as the entries for any range, partial months at either end included", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const entries = fc.sample(append(1), { numRuns: 60, seed: 18 });
    for (const e of entries) await appendLedgerEntry(db, { dojoId: dojo.id, date: e.date, kind: e.kind, currency: "EUR", amountMinor: e.amountMinor, category: "Fees", description: "range" });
    const optionalDay = fc.option(day, { nil: null });
    await fc.assert(
      fc.asyncProperty(optionalDay, optionalDay, fc.constantFrom("all" as const, "revenue" as const, "cost" as const), async (a, b, kind) => {
        const [from, to] = a && b && a > b ? [b, a] : [a, b];
        const inRange = entries.filter((e) => (!from || e.date >= from) && (!to || e.date <= to) && (kind === "all" || e.kind === kind));
        const revenueMinor = inRange.filter((e) => e.kind === "revenue").reduce((n, e) => n + e.amountMinor, 0);
        const costMinor = inRange.filter((e) => e.kind === "cost").reduce((n, e) => n + e.amountMinor, 0);
        const filter = { kind, range: { from, to } };
        expect(await ledgerTotals(db, dojo.id, filter)).toEqual({ revenueMinor, costMinor, netMinor: revenueMinor - costMinor });
        expect(sumMonths(await monthSums(db, dojo.id, filter)).entryCount).toBe(inRange.length);
      }),
      { numRuns: 40 },
    );
  });

  it("splits a range into whole months and at most two partial ends", () => {
    expect(splitRange({ from: "2026-01-01", to: "2026-12-31" })).toEqual({ months: { from: "2026-01-01", to: "2026-12-01" }, edges: [] });
    expect(splitRange({ from: "2025-12-31", to: "2026-02-28" })).toEqual({ months: { from: "2026-01-01", to: "2026-02-01" }, edges: [{ from: "2025-12-31", to: "2025-12-31" }] });
    expect(splitRange({ from: "2025-12-31", to: "2026-02-27" })).toEqual({ months: { from: "2026-01-01", to: "2026-01-01" }, edges: [{ from: "2025-12-31", to: "2025-12-31" }, { from: "2026-02-01", to: "2026-02-27" }] });
    expect(splitRange({ from: "2026-03-02", to: "2026-03-30" })).toEqual({ months: null, edges: [{ from: "2026-03-02", to: "2026-03-30" }] });
    expect(splitRange({ from: null, to: "2026-03-15" })).toEqual({ months: { from: null, to: "2026-02-01" }, edges: [{ from: "2026-03-01", to: "2026-03-15" }] });
    expect(splitRange({ from: "9999-12-02", to: null })).toEqual({ months: null, edges: [{ from: "9999-12-02", to: null }] });
    expect(splitRange({ from: null, to: null })).toEqual({ months: { from: null, to: null }, edges: [] });
  });

  it("would be caught if an append skipped the rollup", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    await appendLedgerEntry(db, { dojoId: dojo.id, date: "2026-01-05", kind: "revenue", currency: "EUR", amountMinor: 1000, category: "Fees", description: "kept" });
    const rollback = new Error("rollback");
    await expect(
      db.transaction(async (tx) => {
        // An append that does not reach the rollup, as code writing the rows itself would.
        await tx.execute(sql`alter table ledger_entries disable trigger ledger_entries_add_to_months`);
        await appendLedgerEntry(tx, { dojoId: dojo.id, date: "2026-01-06", kind: "revenue", currency: "EUR", amountMinor: 500, category: "Fees", description: "skipped" });
        const { stored, truth } = await rollupAndTruth(tx, [dojo.id]);
        expect(stored).not.toEqual(truth);
        const total = (rows: Row[]) => rows.reduce((n, r) => n + r.amountMinor, 0);
        expect(total(stored)).toBe(1000);
        expect(total(truth)).toBe(1500);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const { stored, truth } = await rollupAndTruth(db, [dojo.id]);
    expect(stored).toEqual(truth);
  });
});
