import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { dojos, planEnum } from "./dojos";
import { stripeEventStatusEnum } from "./stripe";

export const billingIntervalEnum = pgEnum("billing_interval", ["month", "year"]);

// What a dojo pays Tatami for, mirrored from Tatami's own (platform) Stripe account.
// `dojos.plan` is the plan the dojo is entitled to; lib/account-plans/effective-plan.ts derives the
// plan in force from it and this row (trial over, downgrade due).
export const dojoBilling = pgTable("dojo_billing", {
  dojoId: uuid("dojo_id")
    .primaryKey()
    .references(() => dojos.id, { onDelete: "cascade" }),
  trialEndsAt: timestamp("trial_ends_at", { withTimezone: true }),
  stripeCustomerId: text("stripe_customer_id").unique(),
  stripeSubscriptionId: text("stripe_subscription_id").unique(),
  subscriptionStatus: text("subscription_status"),
  interval: billingIntervalEnum("interval"),
  currentPeriodStart: timestamp("current_period_start", { withTimezone: true }),
  currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
  // A downgrade waiting for the end of the period it was asked in.
  pendingPlan: planEnum("pending_plan"),
  pendingPlanAt: timestamp("pending_plan_at", { withTimezone: true }),
  // The Stripe time (event `created` or subscription read) this row reflects; older reads never overwrite it.
  syncedAt: timestamp("synced_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// Each event of the platform account once: the unique key makes webhook effects exactly-once.
export const platformStripeEvents = pgTable("platform_stripe_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: text("event_id").notNull().unique(),
  type: text("type").notNull(),
  status: stripeEventStatusEnum("status").notNull(),
  error: text("error"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

export const planChangeKindEnum = pgEnum("plan_change_kind", ["upgrade", "downgrade", "keep"]);
export const planChangeStatusEnum = pgEnum("plan_change_status", ["requested", "applied", "requires_action", "failed"]);

// Each plan change the owner asks for, written before its Stripe call: its id keys that call, so
// the SDK's retry of one request replays Stripe's answer while a new request (downgrade, keep,
// downgrade again) is a new change. An upgrade waiting for 3-D Secure keeps its invoice here.
export const planChangeRequests = pgTable(
  "plan_change_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id")
      .notNull()
      .references(() => dojos.id, { onDelete: "cascade" }),
    kind: planChangeKindEnum("kind").notNull(),
    plan: planEnum("plan").notNull(),
    stripeSubscriptionId: text("stripe_subscription_id").notNull(),
    stripeInvoiceId: text("stripe_invoice_id"),
    status: planChangeStatusEnum("status").notNull().default("requested"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_change_requests_dojo_idx").on(t.dojoId, t.createdAt)],
);

export type DojoBilling = typeof dojoBilling.$inferSelect;
export type PlanChangeRequest = typeof planChangeRequests.$inferSelect;
export type BillingInterval = (typeof billingIntervalEnum.enumValues)[number];
