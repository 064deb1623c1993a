import { sql } from "drizzle-orm";
import { bigint, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { families } from "./families";
import { members } from "./members";
import { staffUsers } from "./staff";
import { tenantKey, tenantReference } from "./tenant-keys";

export const invoiceStatusEnum = pgEnum("invoice_status", ["draft", "open", "paid", "void"]);
export const invoiceSourceEnum = pgEnum("invoice_source", ["manual", "webshop", "subscription"]);

export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    // The member the invoice is booked under. A family invoice (family_id set) is addressed to the
    // family's payer and has a line per member: member_id is then the payer member, or for a
    // contact payer the first member billed.
    memberId: uuid("member_id").notNull(),
    familyId: uuid("family_id"),
    // Assigned when the invoice is issued (draft → open), so drafts never leave gaps: "2026-0042".
    number: varchar("number", { length: 16 }),
    status: invoiceStatusEnum("status").notNull().default("draft"),
    source: invoiceSourceEnum("source").notNull().default("manual"),
    currency: varchar("currency", { length: 3 }).notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    paidMinor: bigint("paid_minor", { mode: "number" }).notNull().default(0),
    // Card refunds: the invoice stays paid and shows what was given back.
    refundedMinor: bigint("refunded_minor", { mode: "number" }).notNull().default(0),
    issueDate: date("issue_date").notNull(),
    dueDate: date("due_date").notNull(),
    notes: text("notes"),
    voidReason: text("void_reason"),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    // The Stripe invoice a subscription invoice mirrors: one Tatami invoice per Stripe invoice.
    stripeInvoiceId: text("stripe_invoice_id").unique(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("invoices_dojo_number_uq").on(t.dojoId, t.number),
    // The dashboard's most overdue invoices.
    index("invoices_dojo_status_due_idx").on(t.dojoId, t.status, t.dueDate),
    // The list's pages, newest first, all statuses or one (overdue = open, filtered by due date):
    // read in order from the index, so page one costs the same at 100 invoices or 100,000.
    index("invoices_dojo_issue_created_idx").on(t.dojoId, t.issueDate, t.createdAt),
    index("invoices_dojo_status_issue_created_idx").on(t.dojoId, t.status, t.issueDate, t.createdAt),
    // Searching a part of a number ("0042") is ILIKE '%…%', which only a trigram index serves.
    index("invoices_number_trgm_idx").using("gin", sql`${t.number} gin_trgm_ops`),
    index("invoices_member_idx").on(t.memberId),
    tenantKey("invoices", t),
    tenantReference("invoices_member_fk", t.dojoId, t.memberId, members),
    tenantReference("invoices_created_by_fk", t.dojoId, t.createdBy, staffUsers),
    index("invoices_family_idx").on(t.dojoId, t.familyId),
    tenantReference("invoices_family_fk", t.dojoId, t.familyId, families),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    invoiceId: uuid("invoice_id").notNull(),
    position: integer("position").notNull(),
    description: text("description").notNull(),
    quantity: integer("quantity").notNull(),
    unitPriceMinor: bigint("unit_price_minor", { mode: "number" }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    // On a family invoice, the member this line is for.
    memberId: uuid("member_id"),
  },
  (t) => [
    index("invoice_lines_invoice_idx").on(t.invoiceId),
    tenantKey("invoice_lines", t),
    tenantReference("invoice_lines_invoice_fk", t.dojoId, t.invoiceId, invoices),
    tenantReference("invoice_lines_member_fk", t.dojoId, t.memberId, members),
  ],
);

// One row per dojo and year; incremented inside the issuing transaction, whose row lock keeps
// numbers gapless and unique under concurrency.
export const invoiceCounters = pgTable(
  "invoice_counters",
  {
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    year: integer("year").notNull(),
    lastSeq: integer("last_seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dojoId, t.year] })],
);

/**
 * The invoices summed per dojo, status and currency, and for open invoices per due date too (the
 * overdue filter), so the invoice list's count and sums cost the same at 100 invoices or 100,000.
 * Kept by triggers on invoices (migration 0019_invoice_totals) in the very statement that inserts,
 * changes or deletes an invoice, so it can never drift from them; lib/invoices/list-invoices.ts reads
 * it, tests/integration/invoice-totals.test.ts checks it. `dueDate` is null for every status but
 * open. Each key is spread over a few `slot` rows, an invoice always counting in the slot of its id
 * (migration 0029_rollup_slots), so one dojo's concurrent payments rarely wait on one row; readers
 * sum over the slots. A slot's row is the exact sum of its invoices, so it never goes negative and an
 * open due date's slot row is deleted when its count reaches zero.
 */
export const invoiceTotals = pgTable(
  "invoice_totals",
  {
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    status: invoiceStatusEnum("status").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    dueDate: date("due_date"),
    invoiceCount: integer("invoice_count").notNull(),
    totalMinor: bigint("total_minor", { mode: "number" }).notNull(),
    /** total − paid. */
    openMinor: bigint("open_minor", { mode: "number" }).notNull(),
    slot: smallint("slot").notNull().default(0),
  },
  (t) => [unique("invoice_totals_key").on(t.dojoId, t.status, t.currency, t.dueDate, t.slot).nullsNotDistinct()],
);

export type Invoice = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type InvoiceStatus = (typeof invoiceStatusEnum.enumValues)[number];
