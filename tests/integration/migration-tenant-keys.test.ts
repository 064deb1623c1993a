import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { isGlobalTable } from "@/db/global-tables";
import { migrationsFolder, type Db } from "@/db/client";
import * as t from "@/db/schema";
import { rowsOf } from "../support/rows";
import { migrationsBefore, scratchDatabase } from "../support/scratch-database";

// The composite tenant keys are added to a database that already holds data: a database at the
// previous version, with rows in every table the migration touches, keeps every row as it was.

const TAG = "_tenant_composite_keys";

async function seedDojo(db: Db, label: string) {
  const [dojo] = await db.insert(t.dojos).values({ name: `${label} Dojo`, slug: `${label}-${randomUUID().slice(0, 8)}`, currency: "EUR", plan: "ultimate" }).returning();
  const dojoId = dojo.id;
  const [staff] = await db.insert(t.staffUsers).values({ dojoId, email: `${label}-${randomUUID()}@example.test`, name: "Owner", role: "owner", passwordHash: "x" }).returning();
  await db.insert(t.staffInvitations).values({ dojoId, email: `${label}-new@example.test`, name: "New", role: "staff", tokenHash: randomUUID(), invitedBy: staff.id, expiresAt: new Date() });
  const [member] = await db.insert(t.members).values({ dojoId, uid: randomUUID().slice(0, 7), firstName: label, lastName: "Member" }).returning();
  const [invoice] = await db
    .insert(t.invoices)
    .values({ dojoId, memberId: member.id, number: "2026-0001", status: "paid", currency: "EUR", totalMinor: 5000, paidMinor: 5000, issueDate: "2026-01-05", dueDate: "2026-01-19", createdBy: staff.id })
    .returning();
  await db.insert(t.invoiceLines).values({ dojoId, invoiceId: invoice.id, position: 1, description: "Training", quantity: 1, unitPriceMinor: 5000, amountMinor: 5000 });
  await db.insert(t.invoiceCounters).values({ dojoId, year: 2026, lastSeq: 1 });
  const [payment] = await db
    .insert(t.payments)
    .values({ dojoId, invoiceId: invoice.id, method: "card", amountMinor: 5000, currency: "EUR", paidAt: new Date(), stripePaymentIntentId: `pi_${randomUUID()}`, recordedBy: staff.id })
    .returning();
  await db.insert(t.ledgerEntries).values({ dojoId, date: "2026-01-06", kind: "revenue", category: "Invoice payments", description: "Paid", amountMinor: 5000, currency: "EUR", paymentId: payment.id, invoiceId: invoice.id, createdBy: staff.id });
  await db.insert(t.refunds).values({ dojoId, paymentId: payment.id, invoiceId: invoice.id, amountMinor: 100, currency: "EUR", createdBy: staff.id });
  await db.insert(t.stripeConnections).values({ dojoId, accountId: "acct_1", livemode: false, publishableKey: "pk_test", secretKeyEnc: "enc", currency: "EUR", connectedBy: staff.id });
  await db.insert(t.stripeEvents).values({ dojoId, eventId: `evt_${randomUUID()}`, type: "payment_intent.succeeded", status: "processed" });
  await db.insert(t.cardCheckouts).values({ dojoId, invoiceId: invoice.id, amountMinor: 5000, currency: "EUR", openedByStaff: staff.id, openedByMember: member.id });
  await db.insert(t.stripeCustomerImports).values({ dojoId, memberId: member.id, customerId: "cus_1" });
  await db.insert(t.cardLinks).values({ dojoId, memberId: member.id, createdBy: staff.id });
  const [plan] = await db.insert(t.subscriptionPlans).values({ dojoId, name: "Monthly", amountMinor: 5000, currency: "EUR", interval: "month", stripeProductId: "prod_1", stripePriceId: "price_1" }).returning();
  await db.insert(t.memberSubscriptions).values({ dojoId, memberId: member.id, planId: plan.id, stripeSubscriptionId: `sub_${randomUUID()}`, status: "active", currency: "EUR" });
  const [product] = await db.insert(t.shopProducts).values({ dojoId, name: "Belt", priceMinor: 1500, currency: "EUR" }).returning();
  await db.insert(t.shopSettings).values({ dojoId, enabled: true });
  const [order] = await db.insert(t.shopOrders).values({ dojoId, number: 1, buyerName: "Buyer", buyerEmail: "b@example.test", memberId: member.id, payment: "card", currency: "EUR", totalMinor: 1500, invoiceId: invoice.id }).returning();
  await db.insert(t.shopOrderLines).values({ dojoId, orderId: order.id, position: 1, productId: product.id, name: "Belt", unitPriceMinor: 1500, quantity: 1 });
  await db.insert(t.automaticRefunds).values({ dojoId, invoiceId: invoice.id, orderId: order.id, stripePaymentIntentId: `pi_${randomUUID()}`, amountMinor: 1500, currency: "EUR", reason: "order_unavailable" });
  const [campaign] = await db.insert(t.campaigns).values({ dojoId, subject: "News", body: "Hello", recipientFilter: { kind: "all" }, createdBy: staff.id }).returning();
  await db.insert(t.campaignRecipients).values({ dojoId, campaignId: campaign.id, memberId: member.id, email: "m@example.test", status: "queued", batchIndex: 0 });
  await db.insert(t.emailOptOuts).values({ dojoId, memberId: member.id });
  await db.insert(t.dojoProfiles).values({ dojoId, legalName: `${label} GmbH` });
  await db.insert(t.stripeMoneyChecks).values({ dojoId, checkedAt: new Date(), periodStart: new Date(), periodEnd: new Date(), differences: [] });
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
  beforeAll(async () => {
    scratch = await scratchDatabase();
    previous = migrationsBefore(TAG);
  });
  afterAll(async () => {
    await scratch?.close();
    previous?.remove();
  });

  it("keeps every row, and afterwards refuses a row pointing into another dojo", async () => {
    const { db } = scratch;
    await scratch.migrate(previous.folder);
    const a = await seedDojo(db, "a");
    const b = await seedDojo(db, "b");
    // The previous version accepts an invoice of dojo A for dojo B's member...
    const crossing = { dojoId: a.dojoId, memberId: b.memberId, currency: "EUR", totalMinor: 1, issueDate: "2026-02-01", dueDate: "2026-02-15" };
    const [accepted] = await db.insert(t.invoices).values(crossing).returning();
    await db.delete(t.invoices).where(eq(t.invoices.id, accepted.id));
    const before = await everything(db);
    // The seed reaches every tenant table (a table left empty would prove nothing).
    for (const [table, rows] of Object.entries(before)) if (!isGlobalTable(table) || table === "dojos") expect(rows.length, table).toBeGreaterThan(0);

    await scratch.migrate(migrationsFolder);

    expect(await everything(db)).toEqual(before);
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
