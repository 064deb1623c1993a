import { bigint, boolean, index, pgEnum, pgTable, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
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
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("refunds_payment_idx").on(t.paymentId)],
);

export type StripeConnection = typeof stripeConnections.$inferSelect;
export type StripeEvent = typeof stripeEvents.$inferSelect;
export type CardCheckout = typeof cardCheckouts.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
