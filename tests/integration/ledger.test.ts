import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { ledgerEntries } from "@/db/schema";
import { addLedgerEntry, correctEntry } from "@/app/(staff)/ledger/actions";
import LedgerPage from "@/app/(staff)/ledger/page";
import { appendLedgerEntry } from "@/lib/ledger/append";
import { ledgerCategories } from "@/lib/ledger/categories";
import { ledgerFilterFrom } from "@/lib/ledger/filters";
import { listLedgerEntries } from "@/lib/ledger/list-entries";
import { bucketFor, ledgerSeries } from "@/lib/ledger/series";
import { ledgerTotals } from "@/lib/ledger/totals";
import { today } from "@/lib/dates";
import { actAs, createDojo, createStaff, signedInDojo, signInAsStaff } from "../support/factories";

type Entry = { date: string; kind: "revenue" | "cost"; amountMinor: number; category?: string; description?: string };

async function book(dojoId: string, entries: Entry[], currency = "EUR") {
  const db = await getDb();
  const rows = [];
  for (const e of entries) {
    rows.push(await appendLedgerEntry(db, { dojoId, currency, category: e.category ?? (e.kind === "cost" ? "Rent" : "Fees"), description: e.description ?? `${e.kind} ${e.date}`, ...e }));
  }
  return rows;
}

// The trigger's own message, wherever the driver or Drizzle nested it.
const refusedAs = (op: string) => (error: unknown) => {
  const messages: string[] = [];
  for (let e = error as { message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) messages.push(e.message ?? "");
  return messages.some((m) => m.includes(`ledger entries are append-only: ${op} is not allowed`));
};

const entriesOf = async (dojoId: string) => (await getDb()).select().from(ledgerEntries).where(eq(ledgerEntries.dojoId, dojoId));

// "Today" for the period filters: 15 March 2026.
const TODAY = "2026-03-15";
const KNOWN: Entry[] = [
  { date: "2025-03-31", kind: "revenue", amountMinor: 999 }, // before the last 12 months
  { date: "2025-04-01", kind: "revenue", amountMinor: 10_000 },
  { date: "2025-12-31", kind: "cost", amountMinor: 4_000 },
  { date: "2026-01-10", kind: "revenue", amountMinor: 5_000 },
  { date: "2026-02-01", kind: "revenue", amountMinor: 7_000 },
  { date: "2026-02-28", kind: "cost", amountMinor: 2_500 },
  { date: "2026-02-28", kind: "revenue", amountMinor: -1_000 }, // a refund
  { date: "2026-03-01", kind: "cost", amountMinor: 1_200 },
  { date: "2026-03-15", kind: "revenue", amountMinor: 3_000 },
  { date: "2026-03-31", kind: "cost", amountMinor: -200 }, // a cost correction
];

describe("ledger queries", () => {
  it("filters by period and kind, totals and pages the filtered set", async () => {
    const dojo = await createDojo();
    const other = await createDojo();
    await book(dojo.id, KNOWN);
    // The other dojo's entries fall in every period and must count nowhere.
    await book(other.id, KNOWN.map((e) => ({ ...e, amountMinor: e.amountMinor * 100 })));
    const db = await getDb();
    const q = async (params: Record<string, string>) => {
      const filter = ledgerFilterFrom(params, TODAY);
      return { filter, totals: await ledgerTotals(db, dojo.id, filter), list: await listLedgerEntries(db, dojo.id, filter) };
    };

    const thisMonth = await q({ period: "this-month" });
    expect(thisMonth.filter.range).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(thisMonth.totals).toEqual({ revenueMinor: 3_000, costMinor: 1_000, netMinor: 2_000 });
    expect(thisMonth.list.total).toBe(3);
    // Newest first.
    expect(thisMonth.list.rows.map((r) => r.date)).toEqual(["2026-03-31", "2026-03-15", "2026-03-01"]);

    const lastMonth = await q({ period: "last-month" });
    expect(lastMonth.filter.range).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(lastMonth.totals).toEqual({ revenueMinor: 6_000, costMinor: 2_500, netMinor: 3_500 });

    expect((await q({ period: "this-year" })).totals).toEqual({ revenueMinor: 14_000, costMinor: 3_500, netMinor: 10_500 });
    expect((await q({ period: "last-year" })).totals).toEqual({ revenueMinor: 10_999, costMinor: 4_000, netMinor: 6_999 });

    const last12 = await q({ period: "last-12-months" });
    expect(last12.filter.range).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(last12.totals).toEqual({ revenueMinor: 24_000, costMinor: 7_500, netMinor: 16_500 });
    expect(last12.list.total).toBe(9);

    const costs = await q({ period: "last-12-months", kind: "cost" });
    expect(costs.totals).toEqual({ revenueMinor: 0, costMinor: 7_500, netMinor: -7_500 });
    expect(costs.list.rows.every((r) => r.kind === "cost")).toBe(true);
    expect(costs.list.total).toBe(4);

    const revenue = await q({ period: "last-12-months", kind: "revenue" });
    expect(revenue.totals.costMinor).toBe(0);
    expect(revenue.list.total).toBe(5);

    // Custom ranges are inclusive; swapped ends are read the right way round.
    const custom = await q({ period: "custom", from: "2026-02-28", to: "2025-12-31" });
    expect(custom.filter.range).toEqual({ from: "2025-12-31", to: "2026-02-28" });
    expect(custom.totals).toEqual({ revenueMinor: 11_000, costMinor: 6_500, netMinor: 4_500 });
    const openEnded = await q({ period: "custom", from: "2026-03-01" });
    expect(openEnded.totals).toEqual({ revenueMinor: 3_000, costMinor: 1_000, netMinor: 2_000 });

    // Keyset pages follow the same order without overlap, forwards and back.
    const filter = ledgerFilterFrom({ period: "last-12-months" }, TODAY);
    const page1 = await listLedgerEntries(db, dojo.id, filter, {}, 4);
    expect(page1.rows).toHaveLength(4);
    expect(page1.newer).toBeNull();
    const page2 = await listLedgerEntries(db, dojo.id, filter, page1.older!, 4);
    const page3 = await listLedgerEntries(db, dojo.id, filter, page2.older!, 4);
    expect(page3.rows).toHaveLength(1);
    expect(page3.rows[0].date).toBe("2025-04-01");
    expect(page3.older).toBeNull();
    const ids = [...page1.rows, ...page2.rows, ...page3.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(9);
    expect(ids).toEqual(last12.list.rows.map((r) => r.id));
    const back = await listLedgerEntries(db, dojo.id, filter, page3.newer!, 4);
    expect(back.rows.map((r) => r.id)).toEqual(page2.rows.map((r) => r.id));
    expect((await listLedgerEntries(db, dojo.id, filter, back.newer!, 4)).rows.map((r) => r.id)).toEqual(page1.rows.map((r) => r.id));
    // Another dojo's entry as the cursor shows nothing of either dojo.
    const [foreign] = await entriesOf(other.id);
    expect((await listLedgerEntries(db, dojo.id, filter, { after: foreign.id }, 4)).rows).toEqual([]);
  });

  it("falls back to defaults for malformed filter params", () => {
    const filter = ledgerFilterFrom({ period: "forever", kind: "gifts", from: "2026-02-30", to: "yesterday" }, TODAY);
    expect(filter).toMatchObject({ period: "this-year", kind: "all", custom: { from: null, to: null }, range: { from: "2026-01-01", to: "2026-12-31" } });
    expect(ledgerFilterFrom({ period: "last-month" }, "2026-01-20").range).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(ledgerFilterFrom({ period: "last-12-months" }, "2026-12-05").range).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });

  it("gives a month-by-month series with every month of the period", async () => {
    const dojo = await createDojo();
    await book(dojo.id, KNOWN);
    const db = await getDb();
    const { bucket, points: series } = await ledgerSeries(db, dojo.id, ledgerFilterFrom({ period: "last-12-months" }, TODAY));
    expect(bucket).toBe("month");
    expect(series).toHaveLength(12);
    expect(series[0]).toEqual({ start: "2025-04-01", revenueMinor: 10_000, costMinor: 0 });
    expect(series.find((p) => p.start === "2025-12-01")).toEqual({ start: "2025-12-01", revenueMinor: 0, costMinor: 4_000 });
    expect(series.find((p) => p.start === "2025-07-01")).toEqual({ start: "2025-07-01", revenueMinor: 0, costMinor: 0 });
    expect(series.slice(-3)).toEqual([
      { start: "2026-01-01", revenueMinor: 5_000, costMinor: 0 },
      { start: "2026-02-01", revenueMinor: 6_000, costMinor: 2_500 },
      { start: "2026-03-01", revenueMinor: 3_000, costMinor: 1_000 },
    ]);
    // The kind filter applies to the chart as to the totals.
    const costsOnly = await ledgerSeries(db, dojo.id, ledgerFilterFrom({ period: "last-12-months", kind: "cost" }, TODAY));
    expect(costsOnly.points.every((p) => p.revenueMinor === 0)).toBe(true);
    // An open-ended custom range runs from the first to the last month with entries.
    const all = await ledgerSeries(db, dojo.id, ledgerFilterFrom({ period: "custom" }, TODAY));
    expect(all.points.map((p) => p.start.slice(0, 7))).toEqual(["2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect((await ledgerSeries(db, (await createDojo()).id, ledgerFilterFrom({ period: "custom" }, TODAY))).points).toEqual([]);
  });

  it("chooses the bar length by the range: days, then weeks, then months, then years", async () => {
    expect(bucketFor("2026-03-01", "2026-03-31")).toBe("day");
    expect(bucketFor("2026-01-01", "2026-03-03")).toBe("day");
    expect(bucketFor("2026-01-01", "2026-03-04")).toBe("week");
    expect(bucketFor("2026-01-01", "2026-07-02")).toBe("week");
    expect(bucketFor("2026-01-01", "2026-07-03")).toBe("month");
    expect(bucketFor("2021-01-01", "2025-12-31")).toBe("month");
    expect(bucketFor("2001-01-01", "2026-12-31")).toBe("year");
    const dojo = await createDojo();
    await book(dojo.id, KNOWN);
    const db = await getDb();
    // This month (March 2026) by day: 31 bars, the entries on their days.
    const month = await ledgerSeries(db, dojo.id, ledgerFilterFrom({ period: "this-month" }, TODAY));
    expect(month.bucket).toBe("day");
    expect(month.points).toHaveLength(31);
    expect(month.points.reduce((sum, p) => sum + p.revenueMinor, 0)).toBe(3_000);
    // Ten weeks by week, starting on the Monday of the first: every bar 7 days after the previous one.
    const weeks = await ledgerSeries(db, dojo.id, ledgerFilterFrom({ period: "custom", from: "2026-01-01", to: "2026-03-15" }, TODAY));
    expect(weeks.bucket).toBe("week");
    expect(weeks.points[0].start).toBe("2025-12-29");
    expect(weeks.points.at(-1)!.start).toBe("2026-03-09");
    expect(weeks.points.reduce((sum, p) => sum + p.revenueMinor, 0)).toBe(5_000 + 6_000 + 3_000);
  });

  it("caps a custom range at five years with a message; the chart stays small (0001–9999 was 120,000 points)", async () => {
    const filter = ledgerFilterFrom({ period: "custom", from: "0001-01-01", to: "9999-12-31" }, TODAY);
    expect(filter.range).toEqual({ from: "0001-01-01", to: "0005-12-31" });
    expect(filter.notice).toBe("A custom range covers at most 5 years, so this shows 0001-01-01 – 0005-12-31. Choose a later start for later dates.");
    expect(ledgerFilterFrom({ period: "custom", from: "2020-02-29", to: "2026-01-01" }, TODAY).range).toEqual({ from: "2020-02-29", to: "2025-02-28" });
    expect(ledgerFilterFrom({ period: "custom", from: "2021-01-01", to: "2025-12-31" }, TODAY)).toMatchObject({ range: { from: "2021-01-01", to: "2025-12-31" }, notice: null });
    // Swapped ends are swapped first, then capped.
    expect(ledgerFilterFrom({ period: "custom", from: "2026-12-31", to: "2000-01-01" }, TODAY).range).toEqual({ from: "2000-01-01", to: "2004-12-31" });
    const dojo = await createDojo();
    await book(dojo.id, KNOWN);
    const db = await getDb();
    const wide = await ledgerSeries(db, dojo.id, ledgerFilterFrom({ period: "custom", from: "2024-01-01", to: "9999-12-31" }, TODAY));
    expect(wide.bucket).toBe("month");
    expect(wide.points).toHaveLength(60);
    // Open-ended over entries typed far in the past: years, at most a hundred bars.
    await book(dojo.id, [{ kind: "cost", date: "0001-06-01", amountMinor: 100 }]);
    const open = await ledgerSeries(db, dojo.id, ledgerFilterFrom({ period: "custom" }, TODAY));
    expect(open.bucket).toBe("year");
    expect(open.points).toHaveLength(100);
    expect(open.points.at(-1)).toMatchObject({ start: "2026-01-01" });
  });

  it("suggests the dojo's own categories only", async () => {
    const dojo = await createDojo();
    const other = await createDojo();
    await book(dojo.id, [
      { date: "2026-01-01", kind: "cost", amountMinor: 1, category: "Rent" },
      { date: "2026-01-02", kind: "cost", amountMinor: 1, category: "Mats" },
      { date: "2026-01-03", kind: "cost", amountMinor: 1, category: "Rent" },
      { date: "2026-01-03", kind: "revenue", amountMinor: 1, category: "Seminar" },
    ]);
    await book(other.id, [{ date: "2026-01-01", kind: "cost", amountMinor: 1, category: "Secret category" }]);
    const db = await getDb();
    expect(await ledgerCategories(db, dojo.id)).toEqual(["Mats", "Rent", "Seminar"]);
    expect(await ledgerCategories(db, dojo.id, "cost")).toEqual(["Mats", "Rent"]);
  });
});

describe("the ledger is append-only", () => {
  it("refuses UPDATE and DELETE of an entry in the database itself", async () => {
    const dojo = await createDojo();
    const [entry] = await book(dojo.id, [{ date: "2026-01-01", kind: "revenue", amountMinor: 5_000 }]);
    const db = await getDb();
    await expect(db.update(ledgerEntries).set({ amountMinor: 1 }).where(eq(ledgerEntries.id, entry.id))).rejects.toSatisfy(refusedAs("UPDATE"));
    await expect(db.delete(ledgerEntries).where(eq(ledgerEntries.id, entry.id))).rejects.toSatisfy(refusedAs("DELETE"));
    const [after] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.id, entry.id));
    expect(after).toEqual(entry);
  });

  it("corrects an entry with a linked negative entry and leaves the original untouched", async () => {
    const { dojo, user } = await signedInDojo();
    const [cost] = await book(dojo.id, [{ date: "2026-01-05", kind: "cost", amountMinor: 12_345, category: "Mats", description: "New mats" }]);

    const result = await correctEntry({ entryId: cost.id, reason: "Booked twice" });
    expect(result.ok).toBe(true);
    const rows = await entriesOf(dojo.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === cost.id)).toEqual(cost);
    const correction = rows.find((r) => r.id !== cost.id)!;
    expect(correction).toMatchObject({
      kind: "cost",
      category: "Mats",
      amountMinor: -12_345,
      currency: "EUR",
      correctsEntryId: cost.id,
      date: "2026-01-05",
      createdBy: user.id,
    });
    expect(correction.description).toContain("Booked twice");

    // Corrected once: the pair nets to zero and a second correction is refused.
    const filter = ledgerFilterFrom({ period: "custom" });
    expect(await ledgerTotals(await getDb(), dojo.id, filter)).toEqual({ revenueMinor: 0, costMinor: 0, netMinor: 0 });
    const list = await listLedgerEntries(await getDb(), dojo.id, filter);
    expect(list.rows.find((r) => r.id === cost.id)?.corrected).toBe(true);
    const again = await correctEntry({ entryId: cost.id, reason: "Again" });
    expect(again).toMatchObject({ ok: false, error: "This entry has already been corrected." });
    const ofCorrection = await correctEntry({ entryId: correction.id, reason: "Undo" });
    expect(ofCorrection.ok).toBe(false);
    expect(await entriesOf(dojo.id)).toHaveLength(2);
  });

  it("leaves refund and payment entries to their payment", async () => {
    const { dojo } = await signedInDojo();
    const refund = await appendLedgerEntry(await getDb(), { dojoId: dojo.id, date: "2026-01-06", kind: "revenue", category: "Refunds", description: "Refund", amountMinor: -500, currency: "EUR", refundKey: `re_${dojo.id}` });
    const result = await correctEntry({ entryId: refund.id, reason: "Wrong" });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("belongs to a payment or refund") });
    expect(await entriesOf(dojo.id)).toEqual([refund]);
  });

  it("requires a reason to correct", async () => {
    const { dojo } = await signedInDojo();
    const [entry] = await book(dojo.id, [{ date: "2026-01-05", kind: "revenue", amountMinor: 100 }]);
    const result = await correctEntry({ entryId: entry.id, reason: "   " });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.reason).toBeDefined();
    expect(await entriesOf(dojo.id)).toHaveLength(1);
  });
});

describe("adding a manual entry", () => {
  it("books a cost with the dojo's currency and the amount in minor units", async () => {
    const { dojo, user } = await signedInDojo({ currency: "EUR" });
    const result = await addLedgerEntry({ kind: "cost", date: "2026-02-10", category: " Rent ", description: "February rent", amount: "1250,5" });
    expect(result.ok).toBe(true);
    const rows = await entriesOf(dojo.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "cost", date: "2026-02-10", category: "Rent", description: "February rent", amountMinor: 125_050, currency: "EUR", createdBy: user.id, correctsEntryId: null });
  });

  it("parses amounts against a zero-decimal currency", async () => {
    const { dojo } = await signedInDojo({ currency: "JPY" });
    expect((await addLedgerEntry({ kind: "revenue", date: "2026-02-10", category: "Seminar", description: "Summer seminar", amount: "15000" })).ok).toBe(true);
    const bad = await addLedgerEntry({ kind: "revenue", date: "2026-02-10", category: "Seminar", description: "Summer seminar", amount: "150.5" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.fieldErrors?.amount?.[0]).toMatch(/no decimals/);
    expect((await entriesOf(dojo.id)).map((r) => r.amountMinor)).toEqual([15_000]);
  });

  it.each([
    ["a malformed amount", { amount: "12,3,4" }, "amount"],
    ["too many decimals", { amount: "10.999" }, "amount"],
    ["a negative amount", { amount: "-5" }, "amount"],
    ["a zero amount", { amount: "0.00" }, "amount"],
    ["a missing amount", { amount: "" }, "amount"],
    ["a missing category", { category: "   " }, "category"],
    ["a missing description", { description: "" }, "description"],
    ["an impossible date", { date: "2026-13-01" }, "date"],
    ["an unknown kind", { kind: "gift" }, "kind"],
  ])("refuses %s with a field error and writes nothing", async (_label, change, field) => {
    const { dojo } = await signedInDojo({ currency: "EUR" });
    const input = { kind: "cost", date: "2026-02-10", category: "Rent", description: "February rent", amount: "100", ...change };
    const result = await addLedgerEntry(input as Parameters<typeof addLedgerEntry>[0]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual([field]);
    expect(await entriesOf(dojo.id)).toHaveLength(0);
  });

  it("stores markup as plain text", async () => {
    const { dojo } = await signedInDojo();
    await addLedgerEntry({ kind: "cost", date: "2026-02-10", category: "<b>x</b>", description: "<script>alert(1)</script>", amount: "1" });
    expect((await entriesOf(dojo.id))[0].description).toBe("<script>alert(1)</script>");
  });
});

describe("ledger tenancy and roles", () => {
  it("never shows or corrects another dojo's entries", async () => {
    const { dojo: a } = await signedInDojo();
    const b = await createDojo();
    const [theirs] = await book(b.id, [{ date: today(), kind: "revenue", amountMinor: 77_700, category: "B only", description: "Dojo B secret" }]);
    await book(a.id, [{ date: today(), kind: "revenue", amountMinor: 100 }]);
    const db = await getDb();
    const filter = ledgerFilterFrom({ period: "custom" });
    const list = await listLedgerEntries(db, a.id, filter);
    expect(list.rows.map((r) => r.id)).not.toContain(theirs.id);
    expect(list.total).toBe(1);
    expect((await ledgerTotals(db, a.id, filter)).revenueMinor).toBe(100);
    expect(await ledgerCategories(db, a.id)).not.toContain("B only");

    const result = await correctEntry({ entryId: theirs.id, reason: "Mine now" });
    expect(result).toEqual({ ok: false, error: "Ledger entry was not found." });
    expect(await entriesOf(b.id)).toEqual([theirs]);
    expect(await entriesOf(a.id)).toHaveLength(1);
  });

  it("refuses the ledger actions to the staff role and to a signed-out visitor", async () => {
    const { dojo } = await signedInDojo({ role: "staff" });
    const [entry] = await book(dojo.id, [{ date: "2026-01-01", kind: "revenue", amountMinor: 100 }]);
    const input = { kind: "cost" as const, date: "2026-02-10", category: "Rent", description: "Rent", amount: "100" };
    expect(await addLedgerEntry(input)).toMatchObject({ ok: false, error: "Your role does not allow this." });
    expect(await correctEntry({ entryId: entry.id, reason: "x" })).toMatchObject({ ok: false, error: "Your role does not allow this." });

    // A manager may.
    signInAsStaff(await createStaff(dojo.id, "manager"));
    expect((await addLedgerEntry(input)).ok).toBe(true);
    expect(await entriesOf(dojo.id)).toHaveLength(2);
    expect(await getDb().then((db) => db.select().from(ledgerEntries).where(and(eq(ledgerEntries.dojoId, dojo.id), eq(ledgerEntries.kind, "cost"))))).toHaveLength(1);

    actAs(null);
    expect(await addLedgerEntry(input)).toMatchObject({ ok: false, error: "Your session has ended. Please log in again." });
    expect(await entriesOf(dojo.id)).toHaveLength(2);
  });

  it("renders the page for owners and managers and refuses the staff role (403, whom to ask)", async () => {
    const { dojo } = await signedInDojo({ role: "manager" });
    await expect(LedgerPage({ searchParams: Promise.resolve({ period: "this-month" }) })).resolves.toBeTruthy();
    signInAsStaff(await createStaff(dojo.id, "staff"));
    await expect(LedgerPage({ searchParams: Promise.resolve({}) })).rejects.toMatchObject({ digest: expect.stringContaining("403") });
  });
});
