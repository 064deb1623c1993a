import { bigint, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { invoices } from "./invoices";
import { payments } from "./payments";
import { staffUsers } from "./staff";
import { tenantKey, tenantReference } from "./tenant-keys";

export const ledgerKindEnum = pgEnum("ledger_kind", ["revenue", "cost"]);

// Append-only (a trigger refuses UPDATE and DELETE): corrections and refunds are new entries
// with a negative amount.
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    date: date("date").notNull(),
    kind: ledgerKindEnum("kind").notNull(),
    category: text("category").notNull(),
    description: text("description").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    // A payment's revenue entry: unique, so a payment can never be booked twice.
    paymentId: uuid("payment_id").unique(),
    invoiceId: uuid("invoice_id"),
    // Links a correction or refund entry to the entry it corrects.
    correctsEntryId: uuid("corrects_entry_id"),
    // A refund's entry, keyed by the refund's own id (e.g. Stripe's re_…) to book it once.
    refundKey: text("refund_key").unique(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ledger_dojo_date_idx").on(t.dojoId, t.date),
    index("ledger_dojo_kind_date_idx").on(t.dojoId, t.kind, t.date),
    index("ledger_corrects_entry_idx").on(t.correctsEntryId),
    // The list's keyset order (newest first): a page is an index range, whatever the page.
    index("ledger_dojo_date_created_id_idx").on(t.dojoId, t.date, t.createdAt, t.id),
    // The category suggestions skip from one category to the next through it (lib/ledger/categories.ts).
    index("ledger_dojo_kind_category_idx").on(t.dojoId, t.kind, t.category),
    tenantKey("ledger_entries", t),
    tenantReference("ledger_entries_payment_fk", t.dojoId, t.paymentId, payments),
    tenantReference("ledger_entries_invoice_fk", t.dojoId, t.invoiceId, invoices),
    tenantReference("ledger_entries_created_by_fk", t.dojoId, t.createdBy, staffUsers),
  ],
);

/**
 * The ledger summed per dojo, month, kind and currency, so totals, the chart and the entry count
 * cost the same at 200 entries or 2 million. Kept by a trigger on ledger_entries (migration
 * 0016_ledger_months) in the very statement that appends, so it can never drift from the entries;
 * lib/ledger/months.ts reads it, tests/integration/ledger-months.test.ts checks it.
 * Each key is spread over a few `slot` rows (migration 0029_rollup_slots: an entry counts in the slot
 * of its invoice, or its own), so one dojo's concurrent payments rarely wait on one row; readers sum
 * over the slots.
 */
export const ledgerMonths = pgTable(
  "ledger_months",
  {
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    /** The first day of the month. */
    month: date("month").notNull(),
    kind: ledgerKindEnum("kind").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    entryCount: integer("entry_count").notNull(),
    slot: smallint("slot").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.dojoId, t.month, t.kind, t.currency, t.slot] })],
);

export type LedgerEntry = typeof ledgerEntries.$inferSelect;
export type NewLedgerEntry = typeof ledgerEntries.$inferInsert;
export type LedgerKind = (typeof ledgerKindEnum.enumValues)[number];
