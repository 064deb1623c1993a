import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { isGlobalTable } from "@/db/global-tables";
import { migrationsFolder, type Db } from "@/db/client";
import * as t from "@/db/schema";
import { rowsOf } from "../support/rows";
import { migrationsBefore, scratchDatabase } from "../support/scratch-database";

// The composite tenant keys are added to a database that already holds data: a database at the
// previous version, with rows in every table the migration touches, keeps every row as it was.

const TAG = "_tenant_composite_keys";

/**
 * Inserts only the columns given, by SQL: the scratch database is at an older version than the
 * schema, so a column a later migration adds must not be named (drizzle's insert names them all).
 */
async function put<T extends PgTable>(db: Db, table: T, values: Partial<T["$inferInsert"]>): Promise<{ id: string }[]> {
  const entries = Object.entries(values).filter(([, v]) => v !== undefined);
  const columns = entries.map(([key]) => (table as unknown as Record<string, PgColumn>)[key]);
  const names = sql.join(columns.map((c) => sql.identifier(c.name)), sql`, `);
  const params = sql.join(entries.map(([, v], i) => sql.param(v, columns[i])), sql`, `);
  return rowsOf(await db.execute(sql`insert into ${table} (${names}) values (${params}) returning *`)) as { id: string }[];
}

async function seedDojo(db: Db, label: string) {
  const [dojo] = await put(db, t.dojos, { name: `${label} Dojo`, slug: `${label}-${randomUUID().slice(0, 8)}`, currency: "EUR", plan: "ultimate" });
  const dojoId = dojo.id;
  const [staff] = await put(db, t.staffUsers, { dojoId, email: `${label}-${randomUUID()}@example.test`, name: "Owner", role: "owner", passwordHash: "x" });
  await put(db, t.staffInvitations, { dojoId, email: `${label}-new@example.test`, name: "New", role: "staff", tokenHash: randomUUID(), invitedBy: staff.id, expiresAt: new Date() });
  const [member] = await put(db, t.members, { dojoId, uid: randomUUID().slice(0, 7), firstName: label, lastName: "Member" });
  const [invoice] = await put(db, t.invoices, { dojoId, memberId: member.id, number: "2026-0001", status: "paid", currency: "EUR", totalMinor: 5000, paidMinor: 5000, issueDate: "2026-01-05", dueDate: "2026-01-19", createdBy: staff.id });
  await put(db, t.invoiceLines, { dojoId, invoiceId: invoice.id, position: 1, description: "Training", quantity: 1, unitPriceMinor: 5000, amountMinor: 5000 });
  await put(db, t.invoiceCounters, { dojoId, year: 2026, lastSeq: 1 });
  const [payment] = await put(db, t.payments, { dojoId, invoiceId: invoice.id, method: "card", amountMinor: 5000, currency: "EUR", paidAt: new Date(), stripePaymentIntentId: `pi_${randomUUID()}`, recordedBy: staff.id });
  await put(db, t.ledgerEntries, { dojoId, date: "2026-01-06", kind: "revenue", category: "Invoice payments", description: "Paid", amountMinor: 5000, currency: "EUR", paymentId: payment.id, invoiceId: invoice.id, createdBy: staff.id });
  await put(db, t.refunds, { dojoId, paymentId: payment.id, invoiceId: invoice.id, amountMinor: 100, currency: "EUR", createdBy: staff.id });
  await put(db, t.stripeConnections, { dojoId, accountId: "acct_1", livemode: false, publishableKey: "pk_test", secretKeyEnc: "enc", currency: "EUR", connectedBy: staff.id });
  await put(db, t.stripeEvents, { dojoId, eventId: `evt_${randomUUID()}`, type: "payment_intent.succeeded", status: "processed" });
  await put(db, t.cardCheckouts, { dojoId, invoiceId: invoice.id, amountMinor: 5000, currency: "EUR", openedByStaff: staff.id, openedByMember: member.id });
  await put(db, t.stripeCustomerImports, { dojoId, memberId: member.id, customerId: "cus_1" });
  await put(db, t.cardLinks, { dojoId, memberId: member.id, createdBy: staff.id });
  const [plan] = await put(db, t.subscriptionPlans, { dojoId, name: "Monthly", amountMinor: 5000, currency: "EUR", interval: "month", stripeProductId: "prod_1", stripePriceId: "price_1" });
  await put(db, t.memberSubscriptions, { dojoId, memberId: member.id, planId: plan.id, stripeSubscriptionId: `sub_${randomUUID()}`, status: "active", currency: "EUR" });
  const [product] = await put(db, t.shopProducts, { dojoId, name: "Belt", priceMinor: 1500, currency: "EUR" });
  await put(db, t.shopSettings, { dojoId, enabled: true });
  const [order] = await put(db, t.shopOrders, { dojoId, number: 1, buyerName: "Buyer", buyerEmail: "b@example.test", memberId: member.id, payment: "card", currency: "EUR", totalMinor: 1500, invoiceId: invoice.id });
  await put(db, t.shopOrderLines, { dojoId, orderId: order.id, position: 1, productId: product.id, name: "Belt", unitPriceMinor: 1500, quantity: 1 });
  await put(db, t.automaticRefunds, { dojoId, invoiceId: invoice.id, orderId: order.id, stripePaymentIntentId: `pi_${randomUUID()}`, amountMinor: 1500, currency: "EUR", reason: "order_unavailable" });
  const [campaign] = await put(db, t.campaigns, { dojoId, subject: "News", body: "Hello", recipientFilter: { kind: "all" }, createdBy: staff.id });
  await put(db, t.campaignRecipients, { dojoId, campaignId: campaign.id, memberId: member.id, email: "m@example.test", status: "queued", batchIndex: 0 });
  await put(db, t.emailOptOuts, { dojoId, memberId: member.id });
  await put(db, t.dojoProfiles, { dojoId, legalName: `${label} GmbH` });
  await put(db, t.stripeMoneyChecks, { dojoId, checkedAt: new Date(), periodStart: new Date(), periodEnd: new Date(), differences: [] });
  return { dojoId, memberId: member.id, staffId: staff.id };
}

/** Every row of every table, as JSON text, by table. */
async function everything(db: Db) {
  const tables = rowsOf(await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)).map((r) => String(r.table_name));
  const out: Record<string, string[]> = {};
  for (const table of tables) out[table] = rowsOf(await db.execute(sql`select row_to_json(x)::text as j from ${sql.identifier(table)} x order by 1`)).map((r) => String(r.j));
  return out;
}

describe("migration: tenant composite keys on existing data", () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let previous: ReturnType<typeof migrationsBefore>;
  let through: ReturnType<typeof migrationsBefore>;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    previous = migrationsBefore(TAG);
    through = migrationsBefore(TAG, { through: true });
  });
  afterAll(async () => {
    await scratch?.close();
    previous?.remove();
    through?.remove();
  });

  it("keeps every row, and afterwards refuses a row pointing into another dojo", async () => {
    const { db } = scratch;
    await scratch.migrate(previous.folder);
    const a = await seedDojo(db, "a");
    const b = await seedDojo(db, "b");
    // The previous version accepts an invoice of dojo A for dojo B's member...
    const crossing = { dojoId: a.dojoId, memberId: b.memberId, currency: "EUR", totalMinor: 1, issueDate: "2026-02-01", dueDate: "2026-02-15" };
    const [accepted] = await put(db, t.invoices, crossing);
    await db.delete(t.invoices).where(eq(t.invoices.id, accepted.id));
    const before = await everything(db);
    // The seed reaches every tenant table (a table left empty would prove nothing).
    for (const [table, rows] of Object.entries(before)) if (!isGlobalTable(table) || table === "dojos") expect(rows.length, table).toBeGreaterThan(0);

    // Compared right after this migration: later ones may add columns to the same rows.
    await scratch.migrate(through.folder);
    expect(await everything(db)).toEqual(before);
    await scratch.migrate(migrationsFolder);
    const applied = rowsOf(await db.execute(sql`select hash from drizzle.__drizzle_migrations`));
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    expect(applied.length).toBe(journal.entries.length);
    // ...the new one does not.
    await expect(db.insert(t.invoices).values(crossing)).rejects.toThrow();
    await expect(db.insert(t.cardLinks).values({ dojoId: a.dojoId, memberId: b.memberId, createdBy: a.staffId })).rejects.toThrow();
    await expect(db.insert(t.cardLinks).values({ dojoId: a.dojoId, memberId: a.memberId, createdBy: b.staffId })).rejects.toThrow();
    // The same rows within one dojo still go in.
    await db.insert(t.invoices).values({ ...crossing, memberId: a.memberId });
  });
});
