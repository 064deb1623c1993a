import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { invoices, invoiceTotals, type InvoiceStatus } from "@/db/schema";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { STATUS_FILTERS } from "@/lib/invoices/status";
import { today } from "@/lib/dates";
import { createDojo, createMember } from "../support/factories";

type Row = { dojoId: string; status: string; currency: string; dueDate: string | null; slot: number; invoiceCount: number; totalMinor: number; openMinor: number };
const keyOf = (r: Row) => `${r.dojoId} ${r.status} ${r.currency} ${r.dueDate} ${r.slot}`;
const sorted = (rows: Row[]) => rows.map((r) => ({ ...r, invoiceCount: Number(r.invoiceCount), totalMinor: Number(r.totalMinor), openMinor: Number(r.openMinor) })).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

// Each key is spread over 8 slots, an invoice counting in the slot of its id's last byte
// (migration 0029_rollup_slots): written out here, not read from the database's rollup_slot().
const SLOTS = 8;
const slotOf = (id: string) => parseInt(id.slice(-2), 16) % SLOTS;
const slotSql = sql<number>`(('x' || right(${invoices.id}::text, 2))::bit(8)::int % ${sql.raw(String(SLOTS))})`.mapWith(Number);

/** The rollup as stored, and as the invoices say it must be (per slot), for these dojos. */
async function rollupAndTruth(db: DbOrTx, dojoIds: string[]) {
  const stored = await db.select().from(invoiceTotals).where(inArray(invoiceTotals.dojoId, dojoIds));
  const dueDate = sql<string | null>`case when ${invoices.status} = 'open' then ${invoices.dueDate} end`;
  const truth = await db
    .select({
      dojoId: invoices.dojoId,
      status: invoices.status,
      currency: invoices.currency,
      dueDate,
      slot: slotSql,
      invoiceCount: sql<number>`count(*)::int`.mapWith(Number),
      totalMinor: sql<number>`sum(${invoices.totalMinor})::bigint`.mapWith(Number),
      openMinor: sql<number>`sum(${invoices.totalMinor} - ${invoices.paidMinor})::bigint`.mapWith(Number),
    })
    .from(invoices)
    .where(inArray(invoices.dojoId, dojoIds))
    .groupBy(invoices.dojoId, invoices.status, invoices.currency, dueDate, slotSql);
  // A status's slot row may stay at zero once its last invoice changed; an open due date's slot row goes.
  const kept = stored.filter((r) => r.invoiceCount !== 0 || r.status !== "open");
  return {
    stored: sorted(kept.filter((r) => r.invoiceCount !== 0)),
    truth: sorted(truth),
    zeroOpenRows: stored.length - kept.length,
    zeroSums: kept.filter((r) => r.invoiceCount === 0 && (Number(r.totalMinor) !== 0 || Number(r.openMinor) !== 0)),
    // A slot holds only its own invoices: it can never count below zero.
    negative: stored.filter((r) => r.invoiceCount < 0),
  };
}

const STATUSES: InvoiceStatus[] = ["draft", "open", "paid", "void"];
const status = fc.constantFrom(...STATUSES);
const currency = fc.constantFrom("EUR", "USD");
// A few due dates around today, so open invoices are overdue or not and share due dates.
const dueDate = fc.integer({ min: -3, max: 3 }).map((offset) => new Date(Date.parse(`${today()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10));
const amounts = fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 })).map(([a, b]) => ({ totalMinor: Math.max(a, b), paidMinor: Math.min(a, b) }));
const values = fc.record({ status, currency, dueDate, amounts });

// One statement each, over several invoices at once: what a trigger per statement must get right.
const change = fc.oneof(
  fc.record({ op: fc.constant("insert" as const), dojo: fc.nat({ max: 1 }), rows: fc.array(values, { minLength: 1, maxLength: 5 }) }),
  fc.record({ op: fc.constant("update" as const), pick: fc.nat(), take: fc.integer({ min: 1, max: 4 }), set: fc.record({ status, currency, dueDate, amounts }, { requiredKeys: [] }) }),
  fc.record({ op: fc.constant("delete" as const), pick: fc.nat(), take: fc.integer({ min: 1, max: 3 }) }),
);
type Change = typeof change extends fc.Arbitrary<infer C> ? C : never;

async function apply(db: DbOrTx, c: Change, dojos: { id: string; memberId: string }[]) {
  if (c.op === "insert") {
    const dojo = dojos[c.dojo];
    const rows = c.rows.map((v) => ({ dojoId: dojo.id, memberId: dojo.memberId, status: v.status, currency: v.currency, issueDate: "2026-01-01", dueDate: v.dueDate, ...v.amounts }));
    await db.insert(invoices).values(rows);
    return;
  }
  const all = await db.select({ id: invoices.id }).from(invoices).where(inArray(invoices.dojoId, dojos.map((d) => d.id))).orderBy(invoices.id);
  if (all.length === 0) return;
  const ids = Array.from({ length: c.take }, (_, i) => all[(c.pick + i) % all.length].id);
  if (c.op === "delete") await db.delete(invoices).where(inArray(invoices.id, ids));
  else {
    const { amounts: a, ...rest } = c.set;
    const set = { ...rest, ...a };
    // An update of no total's column (a number) must leave the rollup as it is.
    await db.update(invoices).set(Object.keys(set).length > 0 ? set : { notes: "touched" }).where(inArray(invoices.id, ids));
  }
}

async function twoDojos() {
  return Promise.all(
    [0, 1].map(async () => {
      const dojo = await createDojo();
      const member = await createMember(dojo.id);
      return { id: dojo.id, memberId: member.id };
    }),
  );
}

describe("the invoice totals", () => {
  it("equal the sums of the invoices after any inserts, updates and deletes", async () => {
    const db = await getDb();
    const dojos = await twoDojos();
    const ids = dojos.map((d) => d.id);
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 8 }), fc.boolean(), async (changes, together) => {
        if (together) await db.transaction(async (tx) => { for (const c of changes) await apply(tx, c, dojos); });
        else for (const c of changes) await apply(db, c, dojos);
        const { stored, truth, zeroOpenRows, zeroSums, negative } = await rollupAndTruth(db, ids);
        expect(stored).toEqual(truth);
        expect(zeroOpenRows).toBe(0);
        expect(zeroSums).toEqual([]);
        expect(negative).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it("give the list the same count and sums as the invoices themselves, for every status filter", async () => {
    const db = await getDb();
    const dojos = await twoDojos();
    const changes = fc.sample(change, { numRuns: 30, seed: 19 });
    for (const c of changes) await apply(db, c, dojos);
    const on = today();
    const rows = await db.select().from(invoices).where(eq(invoices.dojoId, dojos[0].id));
    for (const filter of [null, ...STATUS_FILTERS]) {
      const listed = await listInvoices(db, dojos[0].id, { status: filter });
      // A search and a member's list sum the invoices themselves: the rollup must agree with them.
      const live = await listInvoices(db, dojos[0].id, { status: filter, memberId: dojos[0].memberId });
      const matching = rows.filter((r) => (filter === "overdue" ? r.status === "open" && r.dueDate < on : !filter || r.status === filter));
      expect(listed.total).toBe(matching.length);
      expect(live.total).toBe(matching.length);
      expect(listed.totals).toEqual(live.totals);
      const byCurrency = (c: string) => matching.filter((r) => r.currency === c);
      for (const t of listed.totals) {
        expect(t.totalMinor).toBe(byCurrency(t.currency).filter((r) => r.status !== "void").reduce((n, r) => n + r.totalMinor, 0));
        expect(t.openMinor).toBe(byCurrency(t.currency).filter((r) => r.status === "open").reduce((n, r) => n + r.totalMinor - r.paidMinor, 0));
      }
    }
  });

  it("spread one key over the slots of the invoices' ids, so payments of different invoices change different rows", async () => {
    const db = await getDb();
    const [dojo] = await twoDojos();
    const due = today();
    const made = await db
      .insert(invoices)
      .values(Array.from({ length: 40 }, () => ({ dojoId: dojo.id, memberId: dojo.memberId, status: "open" as const, currency: "EUR", issueDate: due, dueDate: due, totalMinor: 1000 })))
      .returning({ id: invoices.id });
    const open = () => db.select().from(invoiceTotals).where(and(eq(invoiceTotals.dojoId, dojo.id), eq(invoiceTotals.status, "open")));
    const perSlot = (ids: string[]) => Object.fromEntries([...new Set(ids.map(slotOf))].map((slot) => [slot, ids.filter((id) => slotOf(id) === slot).length]));
    const counts = (rows: { slot: number; invoiceCount: number }[]) => Object.fromEntries(rows.map((r) => [r.slot, r.invoiceCount]));
    expect(Object.keys(perSlot(made.map((i) => i.id))).length).toBeGreaterThan(1);
    expect(counts(await open())).toEqual(perSlot(made.map((i) => i.id)));

    // Paying one invoice moves its count from its slot's open row to its slot's paid row, and no other row.
    const [first] = made;
    const before = await db.select().from(invoiceTotals).where(eq(invoiceTotals.dojoId, dojo.id));
    await db.update(invoices).set({ status: "paid", paidMinor: 1000 }).where(eq(invoices.id, first.id));
    const after = await db.select().from(invoiceTotals).where(eq(invoiceTotals.dojoId, dojo.id));
    const changed = after.filter((row) => !before.some((b) => keyOf(b) === keyOf(row) && b.invoiceCount === row.invoiceCount)).concat(before.filter((b) => !after.some((row) => keyOf(row) === keyOf(b))));
    expect(new Set(changed.map((row) => row.slot))).toEqual(new Set([slotOf(first.id)]));
    // Its slot's open row counts one fewer (or went, if it was the slot's last), its paid row one more.
    expect(changed.map((row) => row.status).sort()).toEqual(["open", "paid"]);
  });

  it("would be caught if a change skipped the rollup", async () => {
    const db = await getDb();
    const [dojo] = await twoDojos();
    await apply(db, { op: "insert", dojo: 0, rows: [{ status: "open", currency: "EUR", dueDate: today(), amounts: { totalMinor: 1000, paidMinor: 0 } }] }, [dojo]);
    const rollback = new Error("rollback");
    await expect(
      db.transaction(async (tx) => {
        // A payment that does not reach the rollup, as a statement past the trigger would.
        await tx.execute(sql`alter table invoices disable trigger invoices_update_totals`);
        await tx.update(invoices).set({ status: "paid", paidMinor: 1000 }).where(and(eq(invoices.dojoId, dojo.id)));
        const { stored, truth } = await rollupAndTruth(tx, [dojo.id]);
        expect(stored).not.toEqual(truth);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const { stored, truth } = await rollupAndTruth(db, [dojo.id]);
    expect(stored).toEqual(truth);
  });
});
