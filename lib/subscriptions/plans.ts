import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db/client";
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

/** One active recurring price of the dojo's Stripe account, as the import list shows it. */
export interface StripePriceChoice {
  priceId: string;
  name: string;
  amountMinor: number | null;
  currency: string;
  interval: string;
  intervalCount: number;
  /** available: can be imported; imported: a plan has it already; unsupported: see `reason`. */
  state: "available" | "imported" | "unsupported";
  reason?: string;
}

function choiceOf(price: Stripe.Price, known: Set<string>, currency: string): StripePriceChoice {
  const product = typeof price.product === "object" && !price.product.deleted ? price.product : null;
  const base = {
    priceId: price.id,
    name: price.nickname || product?.name || price.id,
    amountMinor: price.unit_amount,
    currency: price.currency.toUpperCase(),
    interval: price.recurring?.interval ?? "month",
    intervalCount: price.recurring?.interval_count ?? 1,
  };
  if (known.has(price.id)) return { ...base, state: "imported" };
  const reason = !product
    ? "Its product was deleted in Stripe."
    : price.currency.toUpperCase() !== currency.toUpperCase()
      ? `In ${price.currency.toUpperCase()}; your Stripe currency is ${currency.toUpperCase()}.`
      : !price.recurring || !INTERVALS.includes(price.recurring.interval)
        ? "Not a weekly, monthly or yearly price."
        : !price.unit_amount
          ? "Not a simple price per unit."
          : null;
  return reason ? { ...base, state: "unsupported", reason } : { ...base, state: "available" };
}

/** Every active recurring price of the dojo's Stripe account, each marked importable, imported or why not. */
async function stripePriceChoices(db: DbOrTx, stripe: Stripe, input: { dojoId: string; currency: string }): Promise<{ choices: StripePriceChoice[]; prices: Map<string, Stripe.Price> }> {
  const known = new Set((await listPlans(db, input.dojoId, { includeArchived: true })).map((p) => p.stripePriceId));
  const choices: StripePriceChoice[] = [];
  const prices = new Map<string, Stripe.Price>();
  try {
    for await (const price of stripe.prices.list({ active: true, type: "recurring", limit: 100, expand: ["data.product"] })) {
      choices.push(choiceOf(price, known, input.currency));
      prices.set(price.id, price);
    }
  } catch (error) {
    throw stripeFailure(error, "reading the prices in Stripe");
  }
  return { choices, prices };
}

/** "Import from Stripe", first step: the list to choose from, importable ones first. */
export async function listStripePrices(db: DbOrTx, stripe: Stripe, input: { dojoId: string; currency: string }): Promise<StripePriceChoice[]> {
  const order = { available: 0, imported: 1, unsupported: 2 } as const;
  const { choices } = await stripePriceChoices(db, stripe, input);
  return choices.sort((a, b) => order[a.state] - order[b.state] || a.name.localeCompare(b.name));
}

/**
 * "Import from Stripe", second step: plans for the prices the user chose, read again from
 * Stripe (the browser only names them). A chosen price that is no longer importable refuses the
 * whole import with its reason, so nothing is half done; one already imported meanwhile is skipped.
 */
export async function importPlans(db: Db, stripe: Stripe, input: { dojoId: string; currency: string; priceIds: string[] }): Promise<{ imported: number; skipped: number }> {
  const { choices, prices } = await stripePriceChoices(db, stripe, input);
  const chosen = [...new Set(input.priceIds)].map((id) => choices.find((c) => c.priceId === id) ?? id);
  for (const choice of chosen) {
    if (typeof choice === "string") throw new ActionError(`The price ${choice} is no longer an active recurring price in your Stripe account. Reload the list and choose again.`);
    if (choice.state === "unsupported") throw new ActionError(`${choice.name} cannot be imported: ${choice.reason}`);
  }
  const available = (chosen as StripePriceChoice[]).filter((c) => c.state === "available");
  const imported = await db.transaction(async (tx) => {
    let count = 0;
    for (const choice of available) {
      const price = prices.get(choice.priceId)!;
      const inserted = await tx
        .insert(subscriptionPlans)
        .values({
          dojoId: input.dojoId,
          name: choice.name,
          amountMinor: price.unit_amount!,
          currency: choice.currency,
          interval: price.recurring!.interval as PlanInterval,
          intervalCount: price.recurring!.interval_count,
          stripeProductId: (price.product as Stripe.Product).id,
          stripePriceId: price.id,
        })
        .onConflictDoNothing()
        .returning({ id: subscriptionPlans.id });
      count += inserted.length;
    }
    return count;
  });
  return { imported, skipped: chosen.length - imported };
}

/** Archived plans take no new subscribers; running subscriptions go on in Stripe. */
export async function setPlanArchived(db: DbOrTx, dojoId: string, planId: string, archived: boolean): Promise<void> {
  await requirePlan(db, dojoId, planId);
  await db.update(subscriptionPlans).set({ archived }).where(and(eq(subscriptionPlans.id, planId), eq(subscriptionPlans.dojoId, dojoId)));
}
