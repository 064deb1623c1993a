import { bigint, boolean, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid, varchar } from "drizzle-orm/pg-core";
import { dojos } from "./dojos";
import { members } from "./members";
import { tenantKey, tenantReference } from "./tenant-keys";

export const planIntervalEnum = pgEnum("plan_interval", ["week", "month", "year"]);

// A dojo's subscription plan: one recurring Stripe Price (and its Product), made in Tatami or
// imported from Stripe. Not to be confused with the dojo's own account plan (dojos.plan).
export const subscriptionPlans = pgTable(
  "subscription_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    name: text("name").notNull(),
    amountMinor: bigint("amount_minor", { mode: "number" }).notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    interval: planIntervalEnum("interval").notNull(),
    intervalCount: integer("interval_count").notNull().default(1),
    // Free days before the first charge (Stripe's trial_period_days on each subscription); null: none.
    trialDays: integer("trial_days"),
    // One-time sign-up fee on the member's first paid invoice (minor units, the plan's currency); null: none.
    signupFeeMinor: bigint("signup_fee_minor", { mode: "number" }),
    // The Stripe Product the fee is billed under when it rides on the first invoice (add_invoice_items' price_data names a product).
    signupFeeProductId: text("signup_fee_product_id"),
    stripeProductId: text("stripe_product_id").notNull(),
    stripePriceId: text("stripe_price_id").notNull(),
    archived: boolean("archived").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("subscription_plans_dojo_price_uq").on(t.dojoId, t.stripePriceId), index("subscription_plans_dojo_idx").on(t.dojoId, t.archived), tenantKey("subscription_plans", t)],
);

// A member's Stripe subscription, mirrored from Stripe (webhooks re-read it before writing).
export const memberSubscriptions = pgTable(
  "member_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    memberId: uuid("member_id").notNull(),
    planId: uuid("plan_id"),
    stripeSubscriptionId: text("stripe_subscription_id").notNull().unique(),
    // Stripe's status: incomplete, active, past_due, canceled, ...
    status: text("status").notNull(),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    cancelAtPeriodEnd: boolean("cancel_at_period_end").notNull().default(false),
    latestAmountMinor: bigint("latest_amount_minor", { mode: "number" }),
    currency: varchar("currency", { length: 3 }).notNull(),
    // Stripe's pause_collection: while set, renewals are voided and nothing is collected (null: collecting).
    pauseBehavior: text("pause_behavior"),
    // When Stripe resumes collecting by itself; null while paused: until staff resume it.
    pauseResumesAt: timestamp("pause_resumes_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("member_subscriptions_member_idx").on(t.memberId),
    index("member_subscriptions_dojo_idx").on(t.dojoId, t.status),
    tenantKey("member_subscriptions", t),
    tenantReference("member_subscriptions_member_fk", t.dojoId, t.memberId, members),
    tenantReference("member_subscriptions_plan_fk", t.dojoId, t.planId, subscriptionPlans),
  ],
);

export const pauseEventKindEnum = pgEnum("subscription_pause_event_kind", ["paused", "resumed"]);

// A subscription's pauses and resumes as Tatami saw them happen (by staff, the member, or Stripe
// at resumes_at), for the member page's history. Written by syncSubscription on each transition.
export const subscriptionPauseEvents = pgTable(
  "subscription_pause_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dojoId: uuid("dojo_id").notNull().references(() => dojos.id),
    subscriptionId: uuid("subscription_id").notNull(),
    kind: pauseEventKindEnum("kind").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    // For "paused": the resume date chosen (null: open-ended).
    resumesAt: timestamp("resumes_at", { withTimezone: true }),
    // Who: "staff", "member", or "stripe" (an automatic resume, or a change in the Stripe dashboard).
    actor: text("actor").notNull(),
  },
  (t) => [
    index("subscription_pause_events_sub_idx").on(t.subscriptionId, t.occurredAt),
    tenantKey("subscription_pause_events", t),
    tenantReference("subscription_pause_events_subscription_fk", t.dojoId, t.subscriptionId, memberSubscriptions),
  ],
);

export type SubscriptionPlan = typeof subscriptionPlans.$inferSelect;
export type MemberSubscription = typeof memberSubscriptions.$inferSelect;
export type SubscriptionPauseEvent = typeof subscriptionPauseEvents.$inferSelect;
export type PlanInterval = (typeof planIntervalEnum.enumValues)[number];
