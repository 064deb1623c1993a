import { pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { dojos, planEnum } from "./dojos";
import { stripeEventStatusEnum } from "./stripe";

export const billingIntervalEnum = pgEnum("billing_interval", ["month", "year"]);

// What a dojo pays Tatami for, mirrored from Tatami's own (platform) Stripe account.
// `dojos.plan` is the plan the dojo is entitled to; lib/plans/effective-plan.ts derives the
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

export type DojoBilling = typeof dojoBilling.$inferSelect;
export type BillingInterval = (typeof billingIntervalEnum.enumValues)[number];
