import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import type { BillingInterval, Dojo, DojoBilling, Plan } from "@/db/schema";
import { refused } from "@/lib/errors";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { platformPublishableKey, platformStripe } from "@/lib/stripe/platform";
import { customerNow, ensurePlatformCustomer, getBilling } from "./billing-account";
import { planOfPrice, planPriceId } from "./catalog";
import { planPaymentFailure } from "./plan-failure";
import { subscribeSchema } from "./schemas";
import { syncSubscription, type SyncResult } from "./sync-subscription";
import { idOf } from "@/lib/stripe/objects";

export interface PlanCheckout {
  clientSecret: string;
  publishableKey: string;
}

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
    if (!session.client_secret) throw refused("plan.checkout_not_opened");
    return { clientSecret: session.client_secret, publishableKey: platformPublishableKey() };
  } catch (error) {
    throw planPaymentFailure(error, "opening Checkout for the plan");
  }
}

/**
 * Stripe's floor for Checkout's `subscription_data.trial_end` is 48 hours ahead; a little more
 * keeps a session opened now valid against it.
 * https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-subscription_data-trial_end
 */
const CHECKOUT_TRIAL_FLOOR = 48 * 3600 + 600;

/** How a plan chosen now starts: at once, or when the free trial ends (through Checkout, or after saving the card when less than 48 hours are left). */
export type PlanStart = { kind: "now" } | { kind: "trial-end"; at: Date; via: "subscription" | "setup" };

export function planStart(trialEndsAt: Date | null | undefined, nowSeconds: number): PlanStart {
  const end = trialEndsAt ? Math.floor(trialEndsAt.getTime() / 1000) : 0;
  if (end <= nowSeconds) return { kind: "now" };
  return { kind: "trial-end", at: new Date(end * 1000), via: end >= nowSeconds + CHECKOUT_TRIAL_FLOOR ? "subscription" : "setup" };
}

/**
 * The first subscription. During the free trial the plan is scheduled for the trial's end
 * (`trial_end`): the card is saved now and first charged then, and the dojo keeps Ultimate until
 * then. After the trial (or after a subscription ended) it is charged at once.
 */
export async function openSubscribeCheckout(db: Db, dojo: Pick<Dojo, "id" | "name">, input: { plan: Plan; interval: BillingInterval }): Promise<PlanCheckout> {
  const billing = await getBilling(db, dojo.id);
  if (billing?.stripeSubscriptionId && isLiveSubscription(billing.subscriptionStatus)) {
    throw refused("plan.already_has_plan");
  }
  const stripe = platformStripe();
  const customer = await ensurePlatformCustomer(db, stripe, dojo);
  const start = planStart(billing?.stripeSubscriptionId ? null : billing?.trialEndsAt, await customerNow(stripe, customer));
  const metadata = { tatami_dojo_id: dojo.id, tatami_plan: input.plan, tatami_interval: input.interval };
  if (start.kind === "trial-end" && start.via === "setup") {
    // Too close to the trial's end for Checkout's trial: the card is saved here and the
    // subscription made with trial_end by confirmPlanCheckout.
    return embedded({ mode: "setup", customer, currency: "eur", metadata });
  }
  return embedded({
    mode: "subscription",
    customer,
    line_items: [{ price: await planPriceId(stripe, input.plan, input.interval), quantity: 1 }],
    metadata,
    subscription_data: {
      metadata: { tatami_dojo_id: dojo.id },
      ...(start.kind === "trial-end" ? { trial_end: Math.floor(start.at.getTime() / 1000) } : {}),
    },
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
export type CheckoutOutcome = { kind: "subscribed"; plan: Plan } | { kind: "scheduled"; plan: Plan; startsAt: Date } | { kind: "card" } | { kind: "pending" };

/** What the owner is told: the plan applies now, or (chosen in the trial) when the trial ends. */
function outcome(subscription: Stripe.Subscription, synced: SyncResult): CheckoutOutcome {
  if (!synced || !isLiveSubscription(subscription.status)) return { kind: "pending" };
  const chosen = planOfPrice(subscription.items.data[0].price);
  if (subscription.status === "trialing" && subscription.trial_end && chosen) return { kind: "scheduled", plan: chosen.plan, startsAt: new Date(subscription.trial_end * 1000) };
  return { kind: "subscribed", plan: synced.plan };
}

export async function confirmPlanCheckout(db: Db, dojo: Pick<Dojo, "id">, sessionId: string): Promise<CheckoutOutcome> {
  const stripe = platformStripe();
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["subscription", "setup_intent"] });
  const billing = await getBilling(db, dojo.id);
  if (session.metadata?.tatami_dojo_id !== dojo.id || !billing?.stripeCustomerId || session.customer !== billing.stripeCustomerId) {
    throw refused("plan.checkout_of_other_dojo");
  }
  if (session.status !== "complete") return { kind: "pending" };
  if (session.mode === "subscription") {
    const subscription = session.subscription as Stripe.Subscription;
    return outcome(subscription, await db.transaction((tx) => syncSubscription(tx, subscription)));
  }
  const setup = session.setup_intent as Stripe.SetupIntent;
  const pm = idOf(setup.payment_method);
  if (setup.status !== "succeeded" || !pm) return { kind: "pending" };
  await stripe.customers.update(billing.stripeCustomerId, { invoice_settings: { default_payment_method: pm } }, { idempotencyKey: `tatami-plan-card:${session.id}:customer` });
  const chosen = chosenPlan(session.metadata);
  if (chosen) return subscribeAtTrialEnd(db, stripe, billing, session.id, chosen, pm);
  // Checkout gave the subscription its own card, which Stripe prefers over the customer's.
  if (billing.stripeSubscriptionId) {
    await stripe.subscriptions.update(billing.stripeSubscriptionId, { default_payment_method: pm }, { idempotencyKey: `tatami-plan-card:${session.id}:subscription` });
  }
  return { kind: "card" };
}

function chosenPlan(metadata: Stripe.Metadata | null): { plan: Plan; interval: BillingInterval } | null {
  const parsed = subscribeSchema.safeParse({ plan: metadata?.tatami_plan, interval: metadata?.tatami_interval });
  return parsed.success ? parsed.data : null;
}

/**
 * A plan chosen in the trial's last 48 hours: with the card saved by Checkout, the subscription
 * starts trialing until the trial's end (or at once if the trial ended meanwhile). Keyed by the
 * session, so confirming twice makes one subscription.
 */
async function subscribeAtTrialEnd(db: Db, stripe: Stripe, billing: DojoBilling, sessionId: string, chosen: { plan: Plan; interval: BillingInterval }, pm: string): Promise<CheckoutOutcome> {
  if (billing.stripeSubscriptionId && isLiveSubscription(billing.subscriptionStatus)) return { kind: "card" };
  const start = planStart(billing.trialEndsAt, await customerNow(stripe, billing.stripeCustomerId!));
  try {
    const subscription = await stripe.subscriptions.create(
      {
        customer: billing.stripeCustomerId!,
        items: [{ price: await planPriceId(stripe, chosen.plan, chosen.interval) }],
        default_payment_method: pm,
        metadata: { tatami_dojo_id: billing.dojoId },
        ...(start.kind === "trial-end" ? { trial_end: Math.floor(start.at.getTime() / 1000) } : {}),
      },
      { idempotencyKey: `tatami-plan-trial:${sessionId}` },
    );
    return outcome(subscription, await db.transaction((tx) => syncSubscription(tx, subscription)));
  } catch (error) {
    throw planPaymentFailure(error, "starting the plan");
  }
}
