import "server-only";
import type Stripe from "stripe";
import type { BillingInterval, Plan } from "@/db/schema";
import { PLAN_CURRENCY, PLAN_NAMES, PLAN_PRICES, PLANS } from "./features";

// The plans as Products/Prices of the platform Stripe account, found by lookup key. The key
// carries the amount, so a price change in features.ts makes a new Price instead of
// silently re-pricing subscribers.
const INTERVALS: readonly BillingInterval[] = ["month", "year"];
const lookupKey = (plan: Plan, interval: BillingInterval) => `tatami_${plan}_${interval}_${PLAN_PRICES[plan][interval]}`;

/** The platform Price id of a plan and interval, created on first use. */
export async function planPriceId(stripe: Stripe, plan: Plan, interval: BillingInterval): Promise<string> {
  const key = lookupKey(plan, interval);
  const found = await stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 });
  if (found.data[0]) return found.data[0].id;
  // Idempotency keys make concurrent first calls (several app instances) end up with one Price.
  const product = await stripe.products.create({ name: `Tatami ${PLAN_NAMES[plan]}`, metadata: { tatami_plan: plan } }, { idempotencyKey: `tatami-plan-product:${plan}` });
  try {
    const price = await stripe.prices.create(
      {
        product: product.id,
        currency: PLAN_CURRENCY.toLowerCase(),
        unit_amount: PLAN_PRICES[plan][interval],
        recurring: { interval },
        lookup_key: key,
        metadata: { tatami_plan: plan, tatami_interval: interval },
      },
      { idempotencyKey: `tatami-plan-price:${key}` },
    );
    return price.id;
  } catch (error) {
    // Another instance created it after our lookup (its idempotency key has since expired).
    const again = await stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 });
    if (again.data[0]) return again.data[0].id;
    throw error;
  }
}

/** Which plan and interval a platform Price stands for, or null for a Price that is not ours. */
export function planOfPrice(price: Stripe.Price): { plan: Plan; interval: BillingInterval } | null {
  const plan = price.metadata?.tatami_plan as Plan | undefined;
  const interval = INTERVALS.find((i) => i === price.recurring?.interval);
  return plan && PLANS.includes(plan) && interval ? { plan, interval } : null;
}
