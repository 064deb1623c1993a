import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { invoices } from "./invoices";
import { members } from "./members";
import { payments } from "./payments";
import { shopOrders } from "./shop";
import { staffUsers } from "./staff";
import { tenantKey, tenantReference } from "./tenant-keys";

// A dojo's own Stripe account. Secret key and webhook signing secret are AES-256-GCM
// encrypted (lib/crypto.ts) and never leave the server.
export const stripeConnections = pgTable(
  "stripe_connections",
  {
    dojoId: uuid("dojo_id").primaryKey().references(() => dojos.id),
    accountId: text("account_id").notNull(),
    accountName: text("account_name"),
    livemode: boolean("livemode").notNull(),
    publishableKey: text("publishable_key").notNull(),
    secretKeyEnc: text("secret_key_enc").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    // The payment methods the dojo offers in Checkout (lib/stripe/payment-methods.ts); card always.
    paymentMethods: text("payment_methods").array().notNull().default(sql`'{card}'::text[]`),
    webhookEndpointId: text("webhook_endpoint_id"),
    webhookSecretEnc: text("webhook_secret_enc"),
    webhookUrl: text("webhook_url"),
    lastEventAt: timestamp("last_event_at", { withTimezone: true }),
    connectedBy: uuid("connected_by"),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantReference("stripe_connections_connected_by_fk", t.dojoId, t.connectedBy, staffUsers)],
);

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
  (t) => [unique("stripe_events_dojo_event_uq").on(t.dojoId, t.eventId), index("stripe_events_dojo_received_idx").on(t.dojoId, t.receivedAt), tenantKey("stripe_events", t)],
);

// opening: the row is written, Stripe's create call is on its way; open: the session can be
// paid until expires_at; expiring: Tatami decided to end it, the expire call is queued;
// processing: completed with a delayed method (SEPA Direct Debit), the debit not yet settled —
// nothing is booked until it succeeds; closed: it can no longer be paid (paid, expired, never
// created, failed). Saved-card charges use a
// row too (its id keys the PaymentIntent) and are closed from the start.
export const cardCheckoutStatusEnum = pgEnum("card_checkout_status", ["opening", "open", "expiring", "processing", "closed"]);

// A Checkout Session we opened for an invoice (or a saved-card charge); its id is the
// idempotency key of the create call. This table is the source of which sessions are open.
export const cardCheckouts = pgTable(
  "card_checkouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    invoiceId: uuid("invoice_id").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    stripeSessionId: text("stripe_session_id").unique(),
    // Rows written before statuses existed are closed: their sessions expire within a day and
    // a payment through one is settled like any other.
    status: cardCheckoutStatusEnum("status").notNull().default("closed"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    openedByStaff: uuid("opened_by_staff"),
    openedByMember: uuid("opened_by_member"),
    // A delayed method (SEPA Direct Debit) was used: the session completed unpaid and the debit is
    // processing (status "processing") until Stripe reports it succeeded or failed.
    delayedMethod: text("delayed_method"),
    // A subscription invoice's SEPA debit (Stripe's own PaymentIntent, no Checkout Session): one
    // row per PaymentIntent, so a late or repeated invoice event cannot make it pending again.
    stripePaymentIntentId: text("stripe_payment_intent_id").unique(),
    // Set by checkout.session.expired: the session can no longer be paid.
    expiredAt: timestamp("expired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("card_checkouts_invoice_idx").on(t.invoiceId),
    // At most one payable Checkout Session per invoice.
    uniqueIndex("card_checkouts_one_live_uq").on(t.invoiceId).where(sql`${t.status} in ('opening', 'open')`),
    tenantKey("card_checkouts", t),
    tenantReference("card_checkouts_invoice_fk", t.dojoId, t.invoiceId, invoices),
    tenantReference("card_checkouts_opened_by_staff_fk", t.dojoId, t.openedByStaff, staffUsers),
    tenantReference("card_checkouts_opened_by_member_fk", t.dojoId, t.openedByMember, members),
  ],
);

export const automaticRefundReasonEnum = pgEnum("automatic_refund_reason", ["already_paid", "overpaid", "void", "currency", "not_payable", "order_unavailable"]);
// pending: decided, the Stripe refund is queued (lib/jobs) until it is made; refunded: Stripe
// made it; failed: Stripe refused it for good (or it failed later), staff must act.
export const automaticRefundStatusEnum = pgEnum("automatic_refund_status", ["pending", "refunded", "failed"]);

// A succeeded Stripe payment (or the part of it) Tatami did not record, given back at Stripe:
// paid twice, after a void, more than was open, in the wrong currency, for a shop order that
// could no longer be served. One row per PaymentIntent: concurrent or repeated paths decide
// once and refund once. Not a ledger refund: the money was never booked as revenue.
export const automaticRefunds = pgTable(
  "automatic_refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    invoiceId: uuid("invoice_id"),
    orderId: uuid("order_id"),
    stripePaymentIntentId: text("stripe_payment_intent_id").notNull().unique(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    reason: automaticRefundReasonEnum("reason").notNull(),
    status: automaticRefundStatusEnum("status").notNull().default("pending"),
    stripeRefundId: text("stripe_refund_id").unique(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    refundedAt: timestamp("refunded_at", { withTimezone: true }),
  },
  (t) => [
    index("automatic_refunds_invoice_idx").on(t.invoiceId),
    index("automatic_refunds_order_idx").on(t.orderId),
    tenantKey("automatic_refunds", t),
    tenantReference("automatic_refunds_invoice_fk", t.dojoId, t.invoiceId, invoices),
    tenantReference("automatic_refunds_order_fk", t.dojoId, t.orderId, shopOrders),
  ],
);

// Refunds of card payments, from Tatami or from the Stripe dashboard (via charge.refunded).
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    paymentId: uuid("payment_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    reason: text("reason"),
    stripeRefundId: text("stripe_refund_id").unique(),
    createdBy: uuid("created_by"),
    // A refund Stripe reported failed or canceled after it was booked: the row stays (the invoice
    // shows it as failed), its amount counts as not refunded, and a ledger entry reverses it.
    failedAt: timestamp("failed_at", { withTimezone: true }),
    failureReason: text("failure_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("refunds_payment_idx").on(t.paymentId),
    tenantKey("refunds", t),
    tenantReference("refunds_payment_fk", t.dojoId, t.paymentId, payments),
    tenantReference("refunds_invoice_fk", t.dojoId, t.invoiceId, invoices),
    tenantReference("refunds_created_by_fk", t.dojoId, t.createdBy, staffUsers),
  ],
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
    memberId: uuid("member_id").notNull(),
    customerId: text("customer_id").notNull(),
    status: customerImportStatusEnum("status").notNull().default("queued"),
    // Paid Stripe invoices seen so far, and how many of them became new Tatami invoices.
    found: integer("found").notNull().default(0),
    imported: integer("imported").notNull().default(0),
    error: text("error"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("stripe_customer_imports_member_uq").on(t.dojoId, t.memberId),
    tenantKey("stripe_customer_imports", t),
    tenantReference("stripe_customer_imports_member_fk", t.dojoId, t.memberId, members),
  ],
);

export type StripeConnection = typeof stripeConnections.$inferSelect;
export type StripeEvent = typeof stripeEvents.$inferSelect;
export type CardCheckout = typeof cardCheckouts.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type StripeMoneyCheck = typeof stripeMoneyChecks.$inferSelect;
export type StripeCustomerImport = typeof stripeCustomerImports.$inferSelect;
export type AutomaticRefund = typeof automaticRefunds.$inferSelect;
export type AutomaticRefundReason = (typeof automaticRefundReasonEnum.enumValues)[number];
export type CardCheckoutStatus = (typeof cardCheckoutStatusEnum.enumValues)[number];
