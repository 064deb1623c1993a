import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { dojoBilling, type Dojo, type DojoBilling } from "@/db/schema";

export async function getBilling(db: DbOrTx, dojoId: string): Promise<DojoBilling | null> {
  const [row] = await db.select().from(dojoBilling).where(eq(dojoBilling.dojoId, dojoId));
  return row ?? null;
}

/**
 * The dojo's customer in the platform Stripe account, created on first need. The idempotency
 * key is the dojo id, so two clicks at once still make one customer.
 */
export async function ensurePlatformCustomer(db: DbOrTx, stripe: Stripe, dojo: Pick<Dojo, "id" | "name">): Promise<string> {
  const billing = await getBilling(db, dojo.id);
  if (billing?.stripeCustomerId) return billing.stripeCustomerId;
  const customer = await stripe.customers.create({ name: dojo.name, metadata: { tatami_dojo_id: dojo.id } }, { idempotencyKey: `tatami-dojo-customer:${dojo.id}` });
  await db
    .insert(dojoBilling)
    .values({ dojoId: dojo.id, stripeCustomerId: customer.id })
    .onConflictDoUpdate({ target: dojoBilling.dojoId, set: { stripeCustomerId: customer.id, updatedAt: new Date() } });
  return customer.id;
}

/**
 * "Now" as Stripe bills the subscription: the wall clock, or the frozen time of its test clock
 * in test mode, so a proration date is always inside the period Stripe sees.
 */
export async function stripeNow(stripe: Stripe, subscription: { test_clock?: string | Stripe.TestHelpers.TestClock | null }): Promise<number> {
  const clock = subscription.test_clock;
  if (!clock) return Math.floor(Date.now() / 1000);
  const id = typeof clock === "string" ? clock : clock.id;
  return (await stripe.testHelpers.testClocks.retrieve(id)).frozen_time;
}

/** The same for a customer (before it has a subscription): its test clock's time, or the wall clock. */
export async function customerNow(stripe: Stripe, customerId: string): Promise<number> {
  const customer = await stripe.customers.retrieve(customerId);
  return customer.deleted ? Math.floor(Date.now() / 1000) : stripeNow(stripe, customer);
}

export function periodOf(subscription: Stripe.Subscription): { start: number; end: number } {
  const item = subscription.items.data[0];
  return { start: item.current_period_start, end: item.current_period_end };
}
