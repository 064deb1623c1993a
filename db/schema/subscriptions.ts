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

export type SubscriptionPlan = typeof subscriptionPlans.$inferSelect;
export type MemberSubscription = typeof memberSubscriptions.$inferSelect;
export type PlanInterval = (typeof planIntervalEnum.enumValues)[number];
