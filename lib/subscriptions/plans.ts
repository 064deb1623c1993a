import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { subscriptionPlans, type PlanInterval, type SubscriptionPlan } from "@/db/schema";
import { ActionError, NotFoundError } from "@/lib/action-result";
import { parseAmount } from "@/lib/money";
import { stripeFailure } from "./stripe-failure";

export async function listPlans(db: DbOrTx, dojoId: string, opts: { includeArchived?: boolean } = {}): Promise<SubscriptionPlan[]> {
  const where = opts.includeArchived ? eq(subscriptionPlans.dojoId, dojoId) : and(eq(subscriptionPlans.dojoId, dojoId), eq(subscriptionPlans.archived, false));
  return db.select().from(subscriptionPlans).where(where).orderBy(asc(subscriptionPlans.archived), asc(subscriptionPlans.name));
}

export async function requirePlan(db: DbOrTx, dojoId: string, planId: string): Promise<SubscriptionPlan> {
  const [plan] = await db.select().from(subscriptionPlans).where(and(eq(subscriptionPlans.id, planId), eq(subscriptionPlans.dojoId, dojoId)));
  if (!plan) throw new NotFoundError("Plan");
  return plan;
}

/**
 * A new plan: the Product and its recurring Price in the dojo's Stripe account, then the row.
 * The keys derive from the attempt id the form sends, so a double submit makes one of each.
 */
export async function createPlan(
  db: DbOrTx,
  stripe: Stripe,
  input: { dojoId: string; currency: string; name: string; amount: string; interval: PlanInterval; intervalCount: number; attempt: string },
): Promise<SubscriptionPlan> {
  const amount = parseAmount(input.amount, input.currency);
  if (!amount.ok) throw new ActionError(amount.message, { amount: [amount.message] });
  if (amount.minor <= 0) throw new ActionError("The amount must be more than zero.", { amount: ["The amount must be more than zero."] });
  let price: Stripe.Price;
  try {
    const product = await stripe.products.create({ name: input.name, metadata: { tatami_dojo_id: input.dojoId } }, { idempotencyKey: `plan-product-${input.attempt}` });
    price = await stripe.prices.create(
      {
        product: product.id,
        currency: input.currency.toLowerCase(),
        unit_amount: amount.minor,
        recurring: { interval: input.interval, interval_count: input.intervalCount },
        metadata: { tatami_dojo_id: input.dojoId },
      },
      { idempotencyKey: `plan-price-${input.attempt}` },
    );
  } catch (error) {
    throw stripeFailure(error, "creating the plan in Stripe");
  }
  const [plan] = await db
    .insert(subscriptionPlans)
    .values({
      dojoId: input.dojoId,
      name: input.name,
      amountMinor: amount.minor,
      currency: input.currency.toUpperCase(),
      interval: input.interval,
      intervalCount: input.intervalCount,
      stripeProductId: price.product as string,
      stripePriceId: price.id,
    })
    .onConflictDoNothing()
    .returning();
  return plan ?? (await db.select().from(subscriptionPlans).where(and(eq(subscriptionPlans.dojoId, input.dojoId), eq(subscriptionPlans.stripePriceId, price.id))))[0];
}

const INTERVALS: readonly string[] = ["week", "month", "year"];

/**
 * "Import from Stripe": the account's active recurring prices (per-unit, week/month/year, in the
 * dojo's Stripe currency) that no plan knows yet. Returns how many were added and skipped.
 */
export async function importPlans(db: DbOrTx, stripe: Stripe, input: { dojoId: string; currency: string }): Promise<{ imported: number; skipped: number }> {
  const known = new Set((await listPlans(db, input.dojoId, { includeArchived: true })).map((p) => p.stripePriceId));
  let imported = 0;
  let skipped = 0;
  try {
    for await (const price of stripe.prices.list({ active: true, type: "recurring", limit: 100, expand: ["data.product"] })) {
      if (known.has(price.id)) continue;
      const product = typeof price.product === "object" && !price.product.deleted ? price.product : null;
      const usable = price.recurring && INTERVALS.includes(price.recurring.interval) && price.unit_amount && price.currency.toUpperCase() === input.currency.toUpperCase() && product;
      if (!usable) {
        skipped++;
        continue;
      }
      const inserted = await db
        .insert(subscriptionPlans)
        .values({
          dojoId: input.dojoId,
          name: price.nickname || product.name,
          amountMinor: price.unit_amount!,
          currency: price.currency.toUpperCase(),
          interval: price.recurring!.interval as PlanInterval,
          intervalCount: price.recurring!.interval_count,
          stripeProductId: product.id,
          stripePriceId: price.id,
        })
        .onConflictDoNothing()
        .returning({ id: subscriptionPlans.id });
      imported += inserted.length;
    }
  } catch (error) {
    throw stripeFailure(error, "importing prices from Stripe");
  }
  return { imported, skipped };
}

/** Archived plans take no new subscribers; running subscriptions go on in Stripe. */
export async function setPlanArchived(db: DbOrTx, dojoId: string, planId: string, archived: boolean): Promise<void> {
  await requirePlan(db, dojoId, planId);
  await db.update(subscriptionPlans).set({ archived }).where(and(eq(subscriptionPlans.id, planId), eq(subscriptionPlans.dojoId, dojoId)));
}
