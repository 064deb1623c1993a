import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { memberSubscriptions, subscriptionPlans, type MemberSubscription } from "@/db/schema";
import { memberForCustomer } from "./stripe-member";

/**
 * Mirrors a Stripe subscription into member_subscriptions. Always from an object just read from
 * Stripe, so a late or repeated event writes the current state, never an older one. Null when the
 * customer is not linked to a member of this dojo.
 */
export async function syncSubscription(db: DbOrTx, dojoId: string, sub: Stripe.Subscription): Promise<MemberSubscription | null> {
  const member = await memberForCustomer(db, dojoId, sub.customer);
  if (!member) return null;
  const item = sub.items.data[0];
  const [plan] = item
    ? await db.select({ id: subscriptionPlans.id }).from(subscriptionPlans).where(and(eq(subscriptionPlans.dojoId, dojoId), eq(subscriptionPlans.stripePriceId, item.price.id)))
    : [];
  const values = {
    status: sub.status,
    planId: plan?.id ?? null,
    currentPeriodEnd: item ? new Date(item.current_period_end * 1000) : null,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    latestAmountMinor: sub.items.data.reduce((sum, i) => sum + (i.price.unit_amount ?? 0) * (i.quantity ?? 1), 0),
    currency: sub.currency.toUpperCase(),
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(memberSubscriptions)
    .values({ dojoId, memberId: member.id, stripeSubscriptionId: sub.id, ...values })
    .onConflictDoUpdate({ target: memberSubscriptions.stripeSubscriptionId, set: values, setWhere: eq(memberSubscriptions.dojoId, dojoId) })
    .returning();
  return row ?? null;
}

export async function retrieveAndSyncSubscription(db: DbOrTx, stripe: Stripe, dojoId: string, subscriptionId: string) {
  return syncSubscription(db, dojoId, await stripe.subscriptions.retrieve(subscriptionId));
}
