import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { dojoBilling, type Dojo, type Plan } from "@/db/schema";
import { refused } from "@/lib/errors";
import { platformStripe } from "@/lib/stripe/platform";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { getBilling, periodOf } from "./billing-account";
import { planOfPrice, planPriceId } from "./catalog";
import { changeRequestKey, recordChangeRequest, settleChangeRequest } from "./change-requests";
import { comparePlans } from "./features";
import { planPaymentFailure } from "./plan-failure";

/** The dojo's running plan subscription, read from Stripe, with the plan it is priced at. */
export async function currentSubscription(db: Db, dojoId: string) {
  const billing = await getBilling(db, dojoId);
  if (!billing?.stripeSubscriptionId) return null;
  const stripe = platformStripe();
  const subscription = await stripe.subscriptions.retrieve(billing.stripeSubscriptionId);
  const priced = planOfPrice(subscription.items.data[0].price);
  if (!priced || !isLiveSubscription(subscription.status)) return null;
  return { stripe, billing, subscription, priced };
}

/**
 * A smaller plan from the next period on: Stripe bills the new price at renewal (no
 * proration, nothing refunded) while the dojo keeps what it paid for until the period ends.
 */
export async function scheduleDowngrade(db: Db, dojo: Pick<Dojo, "id">, plan: Plan): Promise<{ effectiveAt: Date }> {
  const current = await currentSubscription(db, dojo.id);
  if (!current) throw refused("plan.no_subscription");
  const { stripe, subscription, priced } = current;
  if (comparePlans(priced.plan, plan) >= 0) throw refused("plan.not_smaller", { plan, current: priced.plan });
  const effectiveAt = new Date(periodOf(subscription).end * 1000);
  const price = await planPriceId(stripe, plan, priced.interval);
  // Written first: the webhook for the price change must find the downgrade waiting.
  const request = await db.transaction(async (tx) => {
    await tx.update(dojoBilling).set({ pendingPlan: plan, pendingPlanAt: effectiveAt, updatedAt: new Date() }).where(eq(dojoBilling.dojoId, dojo.id));
    return recordChangeRequest(tx, { dojoId: dojo.id, kind: "downgrade", plan, stripeSubscriptionId: subscription.id });
  });
  try {
    await setSubscriptionPrice(stripe, subscription, price, changeRequestKey(request));
  } catch (error) {
    await db.transaction(async (tx) => {
      await tx.update(dojoBilling).set({ pendingPlan: null, pendingPlanAt: null, updatedAt: new Date() }).where(eq(dojoBilling.dojoId, dojo.id));
      await settleChangeRequest(tx, request.id, "failed");
    });
    throw planPaymentFailure(error, "scheduling a downgrade");
  }
  await settleChangeRequest(db, request.id, "applied");
  return { effectiveAt };
}

/** Keeps the current plan after all: the subscription's price goes back to it. */
export async function cancelScheduledChange(db: Db, dojo: Pick<Dojo, "id" | "plan">): Promise<void> {
  const current = await currentSubscription(db, dojo.id);
  if (!current?.billing.pendingPlan) throw refused("plan.no_change_scheduled");
  const { stripe, subscription, priced } = current;
  const request = await recordChangeRequest(db, { dojoId: dojo.id, kind: "keep", plan: dojo.plan, stripeSubscriptionId: subscription.id });
  try {
    await setSubscriptionPrice(stripe, subscription, await planPriceId(stripe, dojo.plan, priced.interval), changeRequestKey(request));
  } catch (error) {
    await settleChangeRequest(db, request.id, "failed");
    throw planPaymentFailure(error, "keeping the plan");
  }
  await db.transaction(async (tx) => {
    await tx.update(dojoBilling).set({ pendingPlan: null, pendingPlanAt: null, updatedAt: new Date() }).where(eq(dojoBilling.dojoId, dojo.id));
    await settleChangeRequest(tx, request.id, "applied");
  });
}

/** The renewal price only: nothing is billed now (no proration), so nobody is asked to pay. */
async function setSubscriptionPrice(stripe: Stripe, subscription: Stripe.Subscription, price: string, idempotencyKey: string) {
  const item = subscription.items.data[0];
  if (item.price.id === price) return;
  await stripe.subscriptions.update(subscription.id, { items: [{ id: item.id, price }], proration_behavior: "none" }, { idempotencyKey });
}
