import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invoices, memberSubscriptions, type NewInvoice } from "@/db/schema";
import { dashboardKpis } from "@/lib/dashboard/kpis";
import { mostOverdueInvoices } from "@/lib/dashboard/overdue-invoices";
import { today } from "@/lib/dates";
import { appendLedgerEntry } from "@/lib/ledger/append";
import { periodRange } from "@/lib/ledger/period";
import { createDojo, createMember } from "../support/factories";

const daysFromToday = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let seq = 0;
async function invoice(dojoId: string, memberId: string, fields: Partial<NewInvoice>) {
  const db = await getDb();
  const [row] = await db
    .insert(invoices)
    .values({ dojoId, memberId, number: `2026-${String(++seq).padStart(4, "0")}`, status: "open", currency: "EUR", totalMinor: 10_000, issueDate: daysFromToday(-60), dueDate: daysFromToday(14), ...fields })
    .returning();
  return row;
}

async function seedDojo() {
  const dojo = await createDojo();
  const aiko = await createMember(dojo.id, { firstName: "Aiko", lastName: "Tanaka" });
  await createMember(dojo.id);
  await createMember(dojo.id);
  await createMember(dojo.id, { status: "inactive" });
  const open = await invoice(dojo.id, aiko.id, { totalMinor: 5_000, dueDate: daysFromToday(10) });
  const dueToday = await invoice(dojo.id, aiko.id, { totalMinor: 1_000, dueDate: today() });
  const overdue = [];
  for (const [days, total, paid] of [[-3, 2_000, 0], [-40, 3_000, 1_000], [-1, 4_000, 0], [-20, 5_000, 0], [-90, 6_000, 0], [-7, 7_000, 0]]) {
    overdue.push(await invoice(dojo.id, aiko.id, { totalMinor: total, paidMinor: paid, dueDate: daysFromToday(days) }));
  }
  // Neither paid, void nor draft invoices count, however old their due date.
  await invoice(dojo.id, aiko.id, { status: "paid", paidMinor: 10_000, dueDate: daysFromToday(-100) });
  await invoice(dojo.id, aiko.id, { status: "void", voidReason: "Duplicate", dueDate: daysFromToday(-100) });
  await invoice(dojo.id, aiko.id, { status: "draft", number: null, dueDate: daysFromToday(-100) });
  return { dojo, aiko, open, dueToday, overdue };
}

describe("dashboard figures", () => {
  it("counts active members, open and overdue invoices with what is still owed", async () => {
    const { dojo } = await seedDojo();
    const other = await seedDojo(); // the same again in another dojo: must not be counted
    const db = await getDb();
    const month = periodRange("this-month", today());
    await appendLedgerEntry(db, { dojoId: dojo.id, date: month.from!, kind: "revenue", category: "Fees", description: "Fee", amountMinor: 12_000, currency: "EUR" });
    await appendLedgerEntry(db, { dojoId: dojo.id, date: month.to!, kind: "revenue", category: "Fees", description: "Refund", amountMinor: -2_000, currency: "EUR" });
    await appendLedgerEntry(db, { dojoId: dojo.id, date: today(), kind: "cost", category: "Rent", description: "Rent", amountMinor: 50_000, currency: "EUR" });
    await appendLedgerEntry(db, { dojoId: dojo.id, date: daysFromToday(-40), kind: "revenue", category: "Fees", description: "Earlier", amountMinor: 99_999, currency: "EUR" });
    await appendLedgerEntry(db, { dojoId: other.dojo.id, date: today(), kind: "revenue", category: "Fees", description: "B", amountMinor: 77_777, currency: "EUR" });

    const kpis = await dashboardKpis(db, dojo.id, { withRevenue: true });
    expect(kpis.activeMembers).toBe(3);
    // Open includes overdue ones: 5000 + 1000 + (2000 + 2000 + 4000 + 5000 + 6000 + 7000).
    expect(kpis.open).toEqual({ count: 8, outstanding: [{ currency: "EUR", minor: 32_000 }] });
    expect(kpis.overdue).toEqual({ count: 6, outstanding: [{ currency: "EUR", minor: 26_000 }] });
    expect(kpis.revenueThisMonthMinor).toBe(10_000);
  });

  it("counts members whose running subscription is paused, once each, in this dojo only", async () => {
    const db = await getDb();
    const dojo = await createDojo();
    const other = await createDojo();
    const subscription = async (dojoId: string, memberId: string, status: string, pauseBehavior: string | null) =>
      db.insert(memberSubscriptions).values({ dojoId, memberId, stripeSubscriptionId: `sub_${randomUUID()}`, status, currency: "EUR", pauseBehavior });
    const resting = await createMember(dojo.id);
    await subscription(dojo.id, resting.id, "active", "void");
    await subscription(dojo.id, resting.id, "active", "void");
    await subscription(dojo.id, (await createMember(dojo.id)).id, "active", null);
    await subscription(dojo.id, (await createMember(dojo.id)).id, "canceled", "void");
    await subscription(other.id, (await createMember(other.id)).id, "active", "void");
    expect((await dashboardKpis(db, dojo.id, { withRevenue: false })).pausedMembers).toBe(1);
  });

  it("hides revenue from a viewer without the ledger", async () => {
    const { dojo } = await seedDojo();
    const kpis = await dashboardKpis(await getDb(), dojo.id, { withRevenue: false });
    expect(kpis.revenueThisMonthMinor).toBeNull();
  });

  it("lists the five most overdue invoices of the dojo, oldest due date first", async () => {
    const { dojo, overdue } = await seedDojo();
    await seedDojo();
    const rows = await mostOverdueInvoices(await getDb(), dojo.id);
    expect(rows.map((r) => r.id)).toEqual([overdue[4], overdue[1], overdue[3], overdue[5], overdue[0]].map((i) => i.id));
    expect(rows[0]).toMatchObject({ firstName: "Aiko", lastName: "Tanaka", daysOverdue: 90, outstandingMinor: 6_000 });
    expect(rows[1]).toMatchObject({ daysOverdue: 40, outstandingMinor: 2_000 });
  });

  it("shows nothing for a dojo without invoices", async () => {
    const dojo = await createDojo();
    const db = await getDb();
    expect(await mostOverdueInvoices(db, dojo.id)).toEqual([]);
    expect(await dashboardKpis(db, dojo.id, { withRevenue: true })).toEqual({
      activeMembers: 0,
      pausedMembers: 0,
      open: { count: 0, outstanding: [] },
      overdue: { count: 0, outstanding: [] },
      revenueThisMonthMinor: 0,
    });
  });
});
