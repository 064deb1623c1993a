import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db/client";
import { dojos, subscriptionPlans, type PlanInterval, type SubscriptionPlan } from "@/db/schema";
import { invalidInput, NotFoundError, refused } from "@/lib/errors";
import { parseAmount } from "@/lib/money";
import { signupFeeLabel } from "./labels";
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
  input: { dojoId: string; currency: string; name: string; amount: string; interval: PlanInterval; intervalCount: number; trialDays?: number | null; signupFee?: string; attempt: string },
): Promise<SubscriptionPlan> {
  const amount = parseAmount(input.amount, input.currency);
  if (!amount.ok) throw invalidInput("subscription_plan.amount", { problem: amount.message });
  if (amount.minor <= 0) throw invalidInput("subscription_plan.amount_not_positive");
  const fee = signupFeeMinor(input.signupFee ?? "", input.currency);
  let price: Stripe.Price;
  let feeProductId: string | null = null;
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
    // The fee's own product, so the first invoice's line reads "<plan> sign-up fee" (see subscribe.ts).
    if (fee) {
      const product = await stripe.products.create({ name: signupFeeLabel(input), metadata: { tatami_dojo_id: input.dojoId } }, { idempotencyKey: `plan-fee-product-${input.attempt}` });
      feeProductId = product.id;
    }
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
      trialDays: input.trialDays ?? null,
      signupFeeMinor: fee,
      signupFeeProductId: feeProductId,
      stripeProductId: price.product as string,
      stripePriceId: price.id,
    })
    .onConflictDoNothing()
    .returning();
  return plan ?? (await db.select().from(subscriptionPlans).where(and(eq(subscriptionPlans.dojoId, input.dojoId), eq(subscriptionPlans.stripePriceId, price.id))))[0];
}

/** The sign-up fee in minor units of the plan's currency; null when none (empty or zero). */
function signupFeeMinor(value: string, currency: string): number | null {
  if (value === "") return null;
  const fee = parseAmount(value, currency);
  if (!fee.ok) throw invalidInput("subscription_plan.signup_fee", { problem: fee.message });
  if (fee.minor < 0) throw invalidInput("subscription_plan.signup_fee_negative");
  return fee.minor === 0 ? null : fee.minor;
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
    if (typeof choice === "string") throw refused("subscription_plan.price_gone", { priceId: choice });
    if (choice.state === "unsupported") throw refused("subscription_plan.price_unsupported", { name: choice.name, why: choice.reason });
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

/** The dojo's choice whether members pause their own subscriptions (members area). */
export async function setMembersMayPause(db: DbOrTx, dojoId: string, allowed: boolean): Promise<void> {
  await db.update(dojos).set({ membersMayPause: allowed }).where(eq(dojos.id, dojoId));
}
