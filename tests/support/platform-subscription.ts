import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { dojoBilling, type BillingInterval, type Plan } from "@/db/schema";
import { planPriceId } from "@/lib/account-plans/catalog";
import { syncSubscription } from "@/lib/account-plans/sync-subscription";

/**
 * A dojo already paying for `plan` on the platform Stripe account (the emulator): a customer
 * on a test clock frozen at `start`, a saved card, a subscription billed from `start`, and the
 * clock then moved to `now` (mid-period). No Vitest imports: the e2e seed uses it too.
 */
export async function subscribeOnClock(
  db: DbOrTx,
  stripe: Stripe,
  dojo: { id: string; name: string },
  opts: { plan: Plan; interval: BillingInterval; start: number; now?: number; card?: string },
): Promise<{ clock: string; customer: string; subscription: Stripe.Subscription }> {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: opts.start });
  const customer = await stripe.customers.create({ name: dojo.name, test_clock: clock.id, metadata: { tatami_dojo_id: dojo.id } });
  const pm = await stripe.paymentMethods.attach(opts.card ?? "pm_card_visa", { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  await db.insert(dojoBilling).values({ dojoId: dojo.id, stripeCustomerId: customer.id }).onConflictDoUpdate({ target: dojoBilling.dojoId, set: { stripeCustomerId: customer.id } });
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: await planPriceId(stripe, opts.plan, opts.interval) }] });
  await syncSubscription(db, subscription);
  if (opts.now && opts.now > opts.start) await advanceClock(stripe, clock.id, opts.now);
  return { clock: clock.id, customer: customer.id, subscription };
}

/** Moves a test clock and waits until the emulator has run everything on the way. */
export async function advanceClock(stripe: Stripe, clockId: string, to: number): Promise<void> {
  let clock = await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: to });
  const until = Date.now() + 15_000;
  while (clock.status !== "ready") {
    if (Date.now() > until) throw new Error(`test clock ${clockId} is still ${clock.status}`);
    await new Promise((r) => setTimeout(r, 25));
    clock = await stripe.testHelpers.testClocks.retrieve(clockId);
  }
}
