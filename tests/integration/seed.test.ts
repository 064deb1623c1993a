import { describe, expect, it } from "vitest";
import { and, count, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { dojos, invoices, ledgerEntries, members, payments } from "@/db/schema";
import { seedIfEmpty } from "@/scripts/seed/demo-dojo";
import { checkMemberCredentials, checkStaffCredentials } from "@/lib/auth/credentials";

describe("the demo seed", () => {
  it("seeds an empty database once, with consistent invoices, payments and ledger", async () => {
    const db = await getDb();
    const logins = await seedIfEmpty(db);
    expect(logins).not.toBeNull();
    const [dojo] = await db.select().from(dojos);
    expect(dojo).toMatchObject({ name: "Demo Dojo", plan: "ultimate" });
    expect(await db.$count(members, eq(members.dojoId, dojo.id))).toBe(40);
    const invoiceCount = await db.$count(invoices, eq(invoices.dojoId, dojo.id));
    expect(invoiceCount).toBeGreaterThanOrEqual(100);
    expect(invoiceCount).toBeLessThanOrEqual(125);
    const states = await db.select({ status: invoices.status, n: count() }).from(invoices).groupBy(invoices.status);
    expect(states.map((s) => s.status).sort()).toEqual(["draft", "open", "paid", "void"]);
    // Every payment has exactly one revenue entry of the same amount.
    const [paymentSum] = await db.select({ total: sql<number>`coalesce(sum(${payments.amountMinor}),0)::bigint` }).from(payments);
    const [revenueSum] = await db.select({ total: sql<number>`coalesce(sum(${ledgerEntries.amountMinor}),0)::bigint` }).from(ledgerEntries).where(isNotNull(ledgerEntries.paymentId));
    expect(Number(revenueSum.total)).toBe(Number(paymentSum.total));
    expect(await db.$count(ledgerEntries, isNotNull(ledgerEntries.paymentId))).toBe(await db.$count(payments));
    expect(await db.$count(ledgerEntries, and(eq(ledgerEntries.kind, "cost"), eq(ledgerEntries.dojoId, dojo.id)))).toBeGreaterThan(20);

    // The printed logins work.
    expect((await checkStaffCredentials(db, logins!.owner.email, logins!.owner.password, "seed-test")).ok).toBe(true);
    expect((await checkStaffCredentials(db, logins!.staff.email, logins!.staff.password, "seed-test")).ok).toBe(true);
    expect((await checkMemberCredentials(db, logins!.member.uid, logins!.member.password, "seed-test")).ok).toBe(true);

    // A database with data is never seeded again.
    expect(await seedIfEmpty(db)).toBeNull();
    expect(await db.$count(dojos)).toBe(1);
  }, 120_000);
});
