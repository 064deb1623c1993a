import { bigint, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
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
    memberId: uuid("member_id").notNull(),
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
    // Also covers the list's sums (index-only), so totals over a dojo's 100,000 invoices stay cheap.
    index("invoices_dojo_status_due_amounts_idx").on(t.dojoId, t.status, t.dueDate, t.currency, t.totalMinor, t.paidMinor),
    index("invoices_dojo_issue_idx").on(t.dojoId, t.issueDate),
    index("invoices_member_idx").on(t.memberId),
    tenantKey("invoices", t),
    tenantReference("invoices_member_fk", t.dojoId, t.memberId, members),
    tenantReference("invoices_created_by_fk", t.dojoId, t.createdBy, staffUsers),
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
  },
  (t) => [index("invoice_lines_invoice_idx").on(t.invoiceId), tenantKey("invoice_lines", t), tenantReference("invoice_lines_invoice_fk", t.dojoId, t.invoiceId, invoices)],
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

export type Invoice = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type InvoiceLine = typeof invoiceLines.$inferSelect;
export type InvoiceStatus = (typeof invoiceStatusEnum.enumValues)[number];
