import type Stripe from "stripe";
import { answerThreeDSecure } from "../test-support";

/** Helpers for the billing tests: a customer with a card, a recurring price, a clock that settles. */

// 2026-01-01T00:00:00Z: a 31-day month makes proration arithmetic easy to follow.
export const JAN_1_2026 = 1767225600;
export const DAY = 86_400;

export async function monthlyPrice(stripe: Stripe, unitAmount: number, name = "Judo monthly"): Promise<Stripe.Price> {
  const product = await stripe.products.create({ name });
  return stripe.prices.create({ product: product.id, currency: "eur", unit_amount: unitAmount, recurring: { interval: "month" } });
}

/**
 * A customer (on `clock` when given) whose default payment method is the test card `shortcut`
 * (`pm_card_visa`, …). `setUp` saves it through a SetupIntent first, completing 3-D Secure when
 * the card asks for it, as the app's "add card" flow does.
 */
export async function customerWithCard(
  stripe: Stripe,
  shortcut: string,
  opts: { clock?: string; setUp?: boolean } = {},
): Promise<{ customer: Stripe.Customer; paymentMethod: string }> {
  const customer = await stripe.customers.create({ email: "member@example.test", test_clock: opts.clock });
  let paymentMethod: string;
  if (opts.setUp) {
    const si = await stripe.setupIntents.create({ customer: customer.id, payment_method: shortcut, usage: "off_session", confirm: true });
    if (si.status === "requires_action") await answerThreeDSecure(si.id, "complete");
    const done = await stripe.setupIntents.retrieve(si.id);
    if (done.status !== "succeeded") throw new Error(`setup of ${shortcut} ended ${done.status}`);
    paymentMethod = done.payment_method as string;
  } else {
    paymentMethod = (await stripe.paymentMethods.attach(shortcut, { customer: customer.id })).id;
  }
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: paymentMethod } });
  return { customer, paymentMethod };
}

/** Advances a test clock and waits until it is ready again (advancing is asynchronous). */
export async function advanceClock(stripe: Stripe, clockId: string, frozenTime: number): Promise<Stripe.TestHelpers.TestClock> {
  let clock = await stripe.testHelpers.testClocks.advance(clockId, { frozen_time: frozenTime });
  const until = Date.now() + 10_000;
  while (clock.status !== "ready") {
    if (clock.status === "internal_failure" || Date.now() > until) throw new Error(`test clock ${clockId} ended ${clock.status}`);
    await new Promise((r) => setTimeout(r, 20));
    clock = await stripe.testHelpers.testClocks.retrieve(clockId);
  }
  return clock;
}

/** Every event of the (per-test) account, oldest first. */
export async function allEvents(stripe: Stripe): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  return events.reverse();
}
