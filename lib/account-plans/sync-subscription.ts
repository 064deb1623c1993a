import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { dojoBilling, dojos, type Plan } from "@/db/schema";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { planOfPrice } from "./catalog";
import { periodOf } from "./billing-account";
import { idOf } from "@/lib/stripe/objects";

export type SyncResult = { dojoId: string; plan: Plan } | null;

/**
 * Mirrors a platform subscription, read from Stripe just before, into the dojo's billing row
 * and plan. Called by the request that changed it and by the webhook, in any order: the row is
 * locked and a read older than the last one applied is dropped. A price paid for (upgrade)
 * applies at once; a scheduled downgrade, or a plan chosen during the free trial, applies only
 * once its period has begun.
 */
export async function syncSubscription(db: DbOrTx, subscription: Stripe.Subscription, readAt = new Date()): Promise<SyncResult> {
  const customerId = idOf(subscription.customer);
  const [billing] = await db.select().from(dojoBilling).where(eq(dojoBilling.stripeCustomerId, customerId)).for("update");
  if (!billing) return null;
  // Another (older, ended) subscription of the same customer must not override the current one.
  if (billing.stripeSubscriptionId && billing.stripeSubscriptionId !== subscription.id && !isLiveSubscription(subscription.status)) return null;
  if (billing.syncedAt && billing.syncedAt > readAt) return null;

  const priced = planOfPrice(subscription.items.data[0].price);
  if (!priced) return null;
  const period = periodOf(subscription);
  const periodStart = new Date(period.start * 1000);
  const [dojo] = await db.select({ plan: dojos.plan }).from(dojos).where(eq(dojos.id, billing.dojoId));

  let plan = dojo.plan;
  let pendingPlan = billing.pendingPlan;
  let pendingPlanAt = billing.pendingPlanAt;
  if (subscription.status === "trialing" && subscription.trial_end && subscription.trial_end > period.start) {
    // Chosen during the free trial: the dojo keeps its trial plan, and the chosen one starts
    // (first charged) when Stripe ends the trial, like a downgrade waiting for its period.
    pendingPlan = priced.plan;
    pendingPlanAt = new Date(subscription.trial_end * 1000);
  }
  if (isLiveSubscription(subscription.status)) {
    const downgradeWaiting = pendingPlan === priced.plan && pendingPlanAt !== null && periodStart < pendingPlanAt;
    if (!downgradeWaiting) {
      plan = priced.plan;
      pendingPlan = null;
      pendingPlanAt = null;
    }
  } else if (subscription.status === "canceled" || subscription.status === "incomplete_expired") {
    plan = "basic";
    pendingPlan = null;
    pendingPlanAt = null;
  }

  await db.update(dojos).set({ plan }).where(eq(dojos.id, billing.dojoId));
  await db
    .update(dojoBilling)
    .set({
      stripeSubscriptionId: subscription.id,
      subscriptionStatus: subscription.status,
      interval: priced.interval,
      currentPeriodStart: periodStart,
      currentPeriodEnd: new Date(period.end * 1000),
      pendingPlan,
      pendingPlanAt,
      syncedAt: readAt,
      updatedAt: new Date(),
    })
    .where(eq(dojoBilling.dojoId, billing.dojoId));
  return { dojoId: billing.dojoId, plan };
}
