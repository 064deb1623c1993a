import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import type { BillingInterval, Dojo, Plan } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { platformPublishableKey, platformStripe } from "@/lib/stripe/platform";
import { ensurePlatformCustomer, getBilling } from "./billing-account";
import { planPriceId } from "./catalog";
import { planPaymentFailure } from "./plan-failure";
import { syncSubscription } from "./sync-subscription";

export interface PlanCheckout {
  clientSecret: string;
  publishableKey: string;
}

const LIVE = ["active", "trialing", "past_due"];

/**
 * Embedded Checkout that never leaves the page: the dialog's onComplete confirms it. With
 * redirects off Stripe takes no return_url and offers no redirect-based payment method
 * (https://docs.stripe.com/payments/checkout/custom-redirect-behavior).
 */
async function embedded(params: Stripe.Checkout.SessionCreateParams): Promise<PlanCheckout> {
  const stripe = platformStripe();
  try {
    // One session per click; the key only makes the SDK's own retries safe.
    const session = await stripe.checkout.sessions.create(
      { ...params, ui_mode: "embedded_page", redirect_on_completion: "never" },
      { idempotencyKey: `tatami-plan-checkout:${params.metadata?.tatami_dojo_id}:${randomUUID()}` },
    );
    if (!session.client_secret) throw new ActionError("Stripe did not open Checkout. Please try again.");
    return { clientSecret: session.client_secret, publishableKey: platformPublishableKey() };
  } catch (error) {
    throw planPaymentFailure(error, "opening Checkout for the plan");
  }
}

/** The first subscription (end of the trial, or after one ended): Checkout in subscription mode. */
export async function openSubscribeCheckout(db: Db, dojo: Pick<Dojo, "id" | "name">, input: { plan: Plan; interval: BillingInterval }): Promise<PlanCheckout> {
  const billing = await getBilling(db, dojo.id);
  if (billing?.stripeSubscriptionId && LIVE.includes(billing.subscriptionStatus ?? "")) {
    throw new ActionError("Your dojo already has a plan. Use Change plan instead.");
  }
  const stripe = platformStripe();
  const customer = await ensurePlatformCustomer(db, stripe, dojo);
  const metadata = { tatami_dojo_id: dojo.id, tatami_plan: input.plan };
  return embedded({
    mode: "subscription",
    customer,
    line_items: [{ price: await planPriceId(stripe, input.plan, input.interval), quantity: 1 }],
    metadata,
    subscription_data: { metadata: { tatami_dojo_id: dojo.id } },
  });
}

/** A new card for the plan payments: Checkout in setup mode. */
export async function openCardCheckout(db: Db, dojo: Pick<Dojo, "id" | "name">): Promise<PlanCheckout> {
  const stripe = platformStripe();
  const customer = await ensurePlatformCustomer(db, stripe, dojo);
  return embedded({ mode: "setup", customer, currency: "eur", metadata: { tatami_dojo_id: dojo.id } });
}

/**
 * Checkout finished in the browser: the session is re-read from Stripe (the browser is not
 * trusted) and must belong to this dojo. A subscription applies its plan; a set-up card
 * becomes the one the plan is charged to.
 */
export async function confirmPlanCheckout(db: Db, dojo: Pick<Dojo, "id">, sessionId: string): Promise<{ kind: "subscribed"; plan: Plan } | { kind: "card" } | { kind: "pending" }> {
  const stripe = platformStripe();
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["subscription", "setup_intent"] });
  const billing = await getBilling(db, dojo.id);
  if (session.metadata?.tatami_dojo_id !== dojo.id || !billing?.stripeCustomerId || session.customer !== billing.stripeCustomerId) {
    throw new ActionError("That Checkout does not belong to your dojo.");
  }
  if (session.status !== "complete") return { kind: "pending" };
  if (session.mode === "subscription") {
    const subscription = session.subscription as Stripe.Subscription;
    const synced = await db.transaction((tx) => syncSubscription(tx, subscription));
    return synced && LIVE.includes(subscription.status) ? { kind: "subscribed", plan: synced.plan } : { kind: "pending" };
  }
  const setup = session.setup_intent as Stripe.SetupIntent;
  const pm = typeof setup.payment_method === "string" ? setup.payment_method : setup.payment_method?.id;
  if (setup.status !== "succeeded" || !pm) return { kind: "pending" };
  await stripe.customers.update(billing.stripeCustomerId, { invoice_settings: { default_payment_method: pm } }, { idempotencyKey: `tatami-plan-card:${session.id}:customer` });
  // Checkout gave the subscription its own card, which Stripe prefers over the customer's.
  if (billing.stripeSubscriptionId) {
    await stripe.subscriptions.update(billing.stripeSubscriptionId, { default_payment_method: pm }, { idempotencyKey: `tatami-plan-card:${session.id}:subscription` });
  }
  return { kind: "card" };
}
