import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { invoices } from "./invoices";
import { members } from "./members";
import { payments } from "./payments";
import { staffUsers } from "./staff";

// A dojo's own Stripe account. Secret key and webhook signing secret are AES-256-GCM
// encrypted (lib/crypto.ts) and never leave the server.
export const stripeConnections = pgTable("stripe_connections", {
  dojoId: uuid("dojo_id").primaryKey().references(() => dojos.id),
  accountId: text("account_id").notNull(),
  accountName: text("account_name"),
  livemode: boolean("livemode").notNull(),
  publishableKey: text("publishable_key").notNull(),
  secretKeyEnc: text("secret_key_enc").notNull(),
  currency: varchar("currency", { length: 3 }).notNull(),
  webhookEndpointId: text("webhook_endpoint_id"),
  webhookSecretEnc: text("webhook_secret_enc"),
  webhookUrl: text("webhook_url"),
  lastEventAt: timestamp("last_event_at", { withTimezone: true }),
  connectedBy: uuid("connected_by").references(() => staffUsers.id),
  connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
});

export const stripeEventStatusEnum = pgEnum("stripe_event_status", ["processed", "ignored", "failed"]);

// Each Stripe event once per dojo: the unique key makes webhook effects exactly-once.
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    eventId: text("event_id").notNull(),
    type: text("type").notNull(),
    status: stripeEventStatusEnum("status").notNull(),
    error: text("error"),
    stripeCreatedAt: timestamp("stripe_created_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("stripe_events_dojo_event_uq").on(t.dojoId, t.eventId), index("stripe_events_dojo_received_idx").on(t.dojoId, t.receivedAt)],
);

// A Checkout Session we opened for an invoice; its id is the idempotency key of the create call.
export const cardCheckouts = pgTable(
  "card_checkouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    invoiceId: uuid("invoice_id").notNull().references(() => invoices.id),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    stripeSessionId: text("stripe_session_id").unique(),
    openedByStaff: uuid("opened_by_staff").references(() => staffUsers.id),
    openedByMember: uuid("opened_by_member").references(() => members.id),
    // Set by checkout.session.expired: the session can no longer be paid.
    expiredAt: timestamp("expired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("card_checkouts_invoice_idx").on(t.invoiceId)],
);

// Refunds of card payments, from Tatami or from the Stripe dashboard (via charge.refunded).
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    paymentId: uuid("payment_id").notNull().references(() => payments.id),
    invoiceId: uuid("invoice_id").notNull().references(() => invoices.id),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    reason: text("reason"),
    stripeRefundId: text("stripe_refund_id").unique(),
    createdBy: uuid("created_by").references(() => staffUsers.id),
    // A refund Stripe reported failed or canceled after it was booked: the row stays (the invoice
    // shows it as failed), its amount counts as not refunded, and a ledger entry reverses it.
    failedAt: timestamp("failed_at", { withTimezone: true }),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("refunds_payment_idx").on(t.paymentId)],
);

// The latest money check of a dojo (lib/stripe/money-check): what Stripe captured and refunded in
// the period compared with what Tatami recorded. One row per dojo, replaced by every run, so the
// Stripe settings page and the dashboard read it without asking Stripe.
export const stripeMoneyChecks = pgTable("stripe_money_checks", {
  dojoId: uuid("dojo_id").primaryKey().references(() => dojos.id),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  periodStart: timestamp("period_start", { withTimezone: true }).notNull(),
  periodEnd: timestamp("period_end", { withTimezone: true }).notNull(),
  chargesChecked: integer("charges_checked").notNull().default(0),
  refundsChecked: integer("refunds_checked").notNull().default(0),
  differences: jsonb("differences").$type<unknown[]>().notNull(),
  // Stripe could not be asked (the differences are then those of the last good run).
  error: text("error"),
});

export const customerImportStatusEnum = pgEnum("customer_import_status", ["queued", "running", "done", "failed"]);

// Importing a linked Stripe customer's past paid subscription invoices (a job), one row per
// member: its progress and result show on the member's Stripe section.
export const stripeCustomerImports = pgTable(
  "stripe_customer_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    memberId: uuid("member_id").notNull().references(() => members.id),
    customerId: text("customer_id").notNull(),
    status: customerImportStatusEnum("status").notNull().default("queued"),
    // Paid Stripe invoices seen so far, and how many of them became new Tatami invoices.
    found: integer("found").notNull().default(0),
    imported: integer("imported").notNull().default(0),
    error: text("error"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("stripe_customer_imports_member_uq").on(t.dojoId, t.memberId)],
);

export type StripeConnection = typeof stripeConnections.$inferSelect;
export type StripeEvent = typeof stripeEvents.$inferSelect;
export type CardCheckout = typeof cardCheckouts.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type StripeMoneyCheck = typeof stripeMoneyChecks.$inferSelect;
export type StripeCustomerImport = typeof stripeCustomerImports.$inferSelect;
