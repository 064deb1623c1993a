import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { dojoBilling, type Dojo, type Plan } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { platformStripe } from "@/lib/stripe/platform";
import { getBilling, periodOf, stripeNow } from "./billing-account";
import { planOfPrice, planPriceId } from "./catalog";
import { comparePlans, PLAN_NAMES } from "./features";
import { planPaymentFailure } from "./plan-failure";
import { syncSubscription } from "./sync-subscription";

// How long the amount shown on the upgrade screen may be paid as shown.
const QUOTE_VALID_SECONDS = 30 * 60;

async function currentSubscription(db: Db, dojoId: string) {
  const billing = await getBilling(db, dojoId);
  if (!billing?.stripeSubscriptionId) return null;
  const stripe = platformStripe();
  const subscription = await stripe.subscriptions.retrieve(billing.stripeSubscriptionId);
  const priced = planOfPrice(subscription.items.data[0].price);
  if (!priced || !["active", "past_due", "trialing"].includes(subscription.status)) return null;
  return { stripe, billing, subscription, priced };
}

export interface UpgradeQuote {
  from: Plan;
  to: Plan;
  interval: "month" | "year";
  period: { start: number; end: number };
  /** Unix seconds: the instant the amount is computed for; sent back with the payment. */
  prorationDate: number;
  /** Stripe's own figure for what is charged now, in minor units. */
  amountDue: number;
  currency: string;
  lines: { description: string; amount: number }[];
  card: { brand: string; last4: string } | null;
}

/** Stripe's preview of upgrading now: the price difference for the rest of the period. */
export async function quoteUpgrade(db: Db, dojo: Pick<Dojo, "id">, to: Plan): Promise<UpgradeQuote> {
  const current = await currentSubscription(db, dojo.id);
  if (!current) throw new ActionError("Your dojo has no running plan subscription: choose a plan first.");
  const { stripe, subscription, priced } = current;
  if (comparePlans(priced.plan, to) <= 0) throw new ActionError(`${PLAN_NAMES[to]} is not an upgrade from ${PLAN_NAMES[priced.plan]}.`);
  const prorationDate = await stripeNow(stripe, subscription);
  const item = subscription.items.data[0];
  const preview = await stripe.invoices.createPreview({
    customer: subscription.customer as string,
    subscription: subscription.id,
    subscription_details: {
      items: [{ id: item.id, price: await planPriceId(stripe, to, priced.interval) }],
      proration_behavior: "always_invoice",
      proration_date: prorationDate,
    },
  });
  return {
    from: priced.plan,
    to,
    interval: priced.interval,
    period: periodOf(subscription),
    prorationDate,
    amountDue: preview.amount_due,
    currency: preview.currency.toUpperCase(),
    lines: preview.lines.data.map((l) => ({ description: l.description ?? "", amount: l.amount })),
    card: await defaultCard(stripe, subscription),
  };
}

/** The card Stripe charges for this subscription: its own default, else the customer's. */
async function chargedPaymentMethod(stripe: Stripe, subscription: Stripe.Subscription): Promise<string | null> {
  const own = subscription.default_payment_method;
  if (own) return typeof own === "string" ? own : own.id;
  const customer = await stripe.customers.retrieve(subscription.customer as string);
  const pm = customer.deleted ? null : customer.invoice_settings.default_payment_method;
  return pm ? (typeof pm === "string" ? pm : pm.id) : null;
}

async function defaultCard(stripe: Stripe, subscription: Stripe.Subscription): Promise<UpgradeQuote["card"]> {
  const pm = await chargedPaymentMethod(stripe, subscription);
  if (!pm) return null;
  const method = await stripe.paymentMethods.retrieve(pm);
  return method.card ? { brand: method.card.brand, last4: method.card.last4 } : null;
}

/**
 * Upgrades now, charging exactly what the quote showed: the same proration date goes to
 * Stripe, which bills the difference at once (always_invoice) and keeps the old plan if that
 * payment fails (error_if_incomplete). The new plan applies in this request when it is paid.
 */
export async function upgradePlan(db: Db, dojo: Pick<Dojo, "id">, input: { plan: Plan; prorationDate: number }): Promise<{ plan: Plan; amountPaid: number; currency: string }> {
  const current = await currentSubscription(db, dojo.id);
  if (!current) throw new ActionError("Your dojo has no running plan subscription: choose a plan first.");
  const { stripe, subscription, priced, billing } = current;
  if (comparePlans(priced.plan, input.plan) <= 0) throw new ActionError(`${PLAN_NAMES[input.plan]} is not an upgrade from ${PLAN_NAMES[priced.plan]}.`);
  if (billing.pendingPlan) throw new ActionError("A plan change is already scheduled. Cancel it first, then upgrade.");
  const now = await stripeNow(stripe, subscription);
  const period = periodOf(subscription);
  // The browser only sends back what the server quoted; anything else is not a price we showed.
  if (input.prorationDate > now || input.prorationDate < now - QUOTE_VALID_SECONDS || input.prorationDate < period.start) {
    throw new ActionError("The amount shown has expired. Please review the new amount and confirm again.");
  }
  const item = subscription.items.data[0];
  let updated: Stripe.Subscription;
  try {
    updated = await stripe.subscriptions.update(
      subscription.id,
      {
        items: [{ id: item.id, price: await planPriceId(stripe, input.plan, priced.interval) }],
        proration_behavior: "always_invoice",
        proration_date: input.prorationDate,
        payment_behavior: "error_if_incomplete",
        expand: ["latest_invoice"],
      },
      // The card is part of the key: after a decline and a card change, the retry is a new payment.
      { idempotencyKey: `tatami-plan-upgrade:${subscription.id}:${input.plan}:${input.prorationDate}:${await chargedPaymentMethod(stripe, subscription)}` },
    );
  } catch (error) {
    throw planPaymentFailure(error, "upgrading the plan");
  }
  const invoice = updated.latest_invoice as Stripe.Invoice | null;
  await db.transaction((tx) => syncSubscription(tx, updated));
  return { plan: input.plan, amountPaid: invoice?.amount_paid ?? 0, currency: updated.currency.toUpperCase() };
}

/**
 * A smaller plan from the next period on: Stripe bills the new price at renewal (no
 * proration, nothing refunded) while the dojo keeps what it paid for until the period ends.
 */
export async function scheduleDowngrade(db: Db, dojo: Pick<Dojo, "id">, plan: Plan): Promise<{ effectiveAt: Date }> {
  const current = await currentSubscription(db, dojo.id);
  if (!current) throw new ActionError("Your dojo has no running plan subscription.");
  const { stripe, subscription, priced } = current;
  if (comparePlans(priced.plan, plan) >= 0) throw new ActionError(`${PLAN_NAMES[plan]} is not a smaller plan than ${PLAN_NAMES[priced.plan]}.`);
  const effectiveAt = new Date(periodOf(subscription).end * 1000);
  const price = await planPriceId(stripe, plan, priced.interval);
  // Written first: the webhook for the price change must find the downgrade waiting.
  await db.update(dojoBilling).set({ pendingPlan: plan, pendingPlanAt: effectiveAt, updatedAt: new Date() }).where(eq(dojoBilling.dojoId, dojo.id));
  try {
    await setSubscriptionPrice(stripe, subscription, price, `downgrade:${plan}`);
  } catch (error) {
    await db.update(dojoBilling).set({ pendingPlan: null, pendingPlanAt: null, updatedAt: new Date() }).where(eq(dojoBilling.dojoId, dojo.id));
    throw planPaymentFailure(error, "scheduling a downgrade");
  }
  return { effectiveAt };
}

/** Keeps the current plan after all: the subscription's price goes back to it. */
export async function cancelScheduledChange(db: Db, dojo: Pick<Dojo, "id" | "plan">): Promise<void> {
  const current = await currentSubscription(db, dojo.id);
  if (!current?.billing.pendingPlan) throw new ActionError("No plan change is scheduled.");
  const { stripe, subscription, priced } = current;
  await setSubscriptionPrice(stripe, subscription, await planPriceId(stripe, dojo.plan, priced.interval), `keep:${dojo.plan}`);
  await db.update(dojoBilling).set({ pendingPlan: null, pendingPlanAt: null, updatedAt: new Date() }).where(eq(dojoBilling.dojoId, dojo.id));
}

async function setSubscriptionPrice(stripe: Stripe, subscription: Stripe.Subscription, price: string, what: string) {
  const item = subscription.items.data[0];
  if (item.price.id === price) return;
  await stripe.subscriptions.update(
    subscription.id,
    { items: [{ id: item.id, price }], proration_behavior: "none" },
    { idempotencyKey: `tatami-plan-${what}:${subscription.id}:${item.current_period_end}` },
  );
}
