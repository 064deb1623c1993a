import { and, eq, or } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { memberSubscriptions, subscriptionPlans, type MemberSubscription } from "@/db/schema";
import { recordPauseTransition } from "./pause-history";
import { subscriptionMemberOf } from "./stripe-member";

/**
 * Mirrors a Stripe subscription into member_subscriptions. Always from an object just read from
 * Stripe, so a late or repeated event writes the current state, never an older one. Null when the
 * customer is not linked to a member or contact-paid family of this dojo. A pause or resume it sees is added to the
 * pause history, dated `at` (default: now).
 */
export async function syncSubscription(db: DbOrTx, dojoId: string, sub: Stripe.Subscription, opts: { at?: Date } = {}): Promise<MemberSubscription | null> {
  const paidFor = await subscriptionMemberOf(db, dojoId, sub.customer, sub.metadata?.tatami_member_id);
  if (!paidFor) return null;
  const member = { id: paidFor.memberId };
  const [before] = await db
    .select({ pauseBehavior: memberSubscriptions.pauseBehavior, pauseResumesAt: memberSubscriptions.pauseResumesAt })
    .from(memberSubscriptions)
    .where(and(eq(memberSubscriptions.dojoId, dojoId), eq(memberSubscriptions.stripeSubscriptionId, sub.id)));
  const item = sub.items.data[0];
  // A family-discounted price is the plan's product at another amount: its metadata names the plan.
  const byPrice = item && eq(subscriptionPlans.stripePriceId, item.price.id);
  const byMetadata = item?.price.metadata?.tatami_plan_id && /^[0-9a-f-]{36}$/i.test(item.price.metadata.tatami_plan_id) ? eq(subscriptionPlans.id, item.price.metadata.tatami_plan_id) : undefined;
  const [plan] = item ? await db.select({ id: subscriptionPlans.id }).from(subscriptionPlans).where(and(eq(subscriptionPlans.dojoId, dojoId), byMetadata ? or(byPrice, byMetadata) : byPrice)) : [];
  const values = {
    status: sub.status,
    planId: plan?.id ?? null,
    currentPeriodEnd: item ? new Date(item.current_period_end * 1000) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    latestAmountMinor: sub.items.data.reduce((sum, i) => sum + (i.price.unit_amount ?? 0) * (i.quantity ?? 1), 0),
    currency: sub.currency.toUpperCase(),
    pauseBehavior: sub.pause_collection?.behavior ?? null,
    pauseResumesAt: sub.pause_collection?.resumes_at ? new Date(sub.pause_collection.resumes_at * 1000) : null,
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(memberSubscriptions)
    .values({ dojoId, memberId: member.id, stripeSubscriptionId: sub.id, ...values })
    .onConflictDoUpdate({ target: memberSubscriptions.stripeSubscriptionId, set: values, setWhere: eq(memberSubscriptions.dojoId, dojoId) })
    .returning();
  if (row) await recordPauseTransition(db, row, before ?? null, sub.metadata, opts.at ?? new Date());
  return row ?? null;
}

export async function retrieveAndSyncSubscription(db: DbOrTx, stripe: Stripe, dojoId: string, subscriptionId: string) {
  return syncSubscription(db, dojoId, await stripe.subscriptions.retrieve(subscriptionId));
}
