import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import type { Dojo, Plan, PlanChangeRequest } from "@/db/schema";
import { refused } from "@/lib/errors";
import { platformPublishableKey } from "@/lib/stripe/platform";
import { periodOf, stripeNow } from "./billing-account";
import { planPriceId } from "./catalog";
import { currentSubscription } from "./change-plan";
import { changeRequestKey, recordChangeRequest, requireChangeRequest, settleChangeRequest } from "./change-requests";
import { comparePlans } from "./features";
import { planPaymentFailure } from "./plan-failure";
import { syncSubscription } from "./sync-subscription";
import { idOf } from "@/lib/stripe/objects";

// How long the amount shown on the upgrade screen may be paid as shown.
const QUOTE_VALID_SECONDS = 30 * 60;

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

export type UpgradeResult =
  | { status: "upgraded"; plan: Plan; amountPaid: number; currency: string }
  /** The bank wants 3-D Secure: the browser runs Stripe.js with these, then confirmUpgrade. */
  | { status: "requires_action"; requestId: string; clientSecret: string; publishableKey: string };

/** Stripe's preview of upgrading now: the price difference for the rest of the period. */
export async function quoteUpgrade(db: Db, dojo: Pick<Dojo, "id">, to: Plan): Promise<UpgradeQuote> {
  const current = await currentSubscription(db, dojo.id);
  if (!current) throw refused("plan.no_subscription_choose");
  const { stripe, subscription, priced } = current;
  if (comparePlans(priced.plan, to) <= 0) throw refused("plan.not_upgrade", { plan: to, current: priced.plan });
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
  if (own) return idOf(own);
  const customer = await stripe.customers.retrieve(subscription.customer as string);
  const pm = customer.deleted ? null : customer.invoice_settings.default_payment_method;
  return idOf(pm);
}

async function defaultCard(stripe: Stripe, subscription: Stripe.Subscription): Promise<UpgradeQuote["card"]> {
  const pm = await chargedPaymentMethod(stripe, subscription);
  if (!pm) return null;
  const method = await stripe.paymentMethods.retrieve(pm);
  return method.card ? { brand: method.card.brand, last4: method.card.last4 } : null;
}

/**
 * Upgrades now, charging exactly what the quote showed: the same proration date goes to Stripe,
 * which bills the difference at once (always_invoice). The owner is on the page, so the payment
 * is on-session and the change is a pending update (payment_behavior=pending_if_incomplete,
 * https://docs.stripe.com/billing/subscriptions/pending-updates): it applies only once that
 * invoice is paid. Paid at once, the new plan applies in this request; a bank asking for 3-D
 * Secure hands the invoice's PaymentIntent to Stripe.js, and confirmUpgrade reads the outcome.
 */
export async function upgradePlan(db: Db, dojo: Pick<Dojo, "id">, input: { plan: Plan; prorationDate: number }): Promise<UpgradeResult> {
  const current = await currentSubscription(db, dojo.id);
  if (!current) throw refused("plan.no_subscription_choose");
  const { stripe, subscription, priced, billing } = current;
  if (comparePlans(priced.plan, input.plan) <= 0) throw refused("plan.not_upgrade", { plan: input.plan, current: priced.plan });
  if (billing.pendingPlan) throw refused("plan.change_already_scheduled");
  const now = await stripeNow(stripe, subscription);
  const period = periodOf(subscription);
  // The browser only sends back what the server quoted; anything else is not a price we showed.
  if (input.prorationDate > now || input.prorationDate < now - QUOTE_VALID_SECONDS || input.prorationDate < period.start) {
    throw refused("plan.quote_expired");
  }
  const price = await planPriceId(stripe, input.plan, priced.interval);
  const request = await recordChangeRequest(db, { dojoId: dojo.id, kind: "upgrade", plan: input.plan, stripeSubscriptionId: subscription.id });
  let updated: Stripe.Subscription;
  try {
    updated = await stripe.subscriptions.update(
      subscription.id,
      {
        items: [{ id: subscription.items.data[0].id, price }],
        proration_behavior: "always_invoice",
        proration_date: input.prorationDate,
        payment_behavior: "pending_if_incomplete",
      },
      { idempotencyKey: changeRequestKey(request) },
    );
  } catch (error) {
    await settleChangeRequest(db, request.id, "failed");
    throw planPaymentFailure(error, "upgrading the plan");
  }
  return settleUpgrade(db, stripe, request, updated);
}

/** After 3-D Secure in the browser: Stripe's subscription and invoice decide, never the browser. */
export async function confirmUpgrade(db: Db, dojo: Pick<Dojo, "id">, requestId: string): Promise<UpgradeResult> {
  const request = await requireChangeRequest(db, dojo.id, requestId, "upgrade");
  const current = await currentSubscription(db, dojo.id);
  if (!current || current.subscription.id !== request.stripeSubscriptionId) throw refused("plan.subscription_changed");
  const result = await settleUpgrade(db, current.stripe, request, current.subscription);
  if (result.status === "requires_action") {
    throw refused("plan.bank_not_confirmed");
  }
  return result;
}

async function invoicePaymentIntent(stripe: Stripe, invoiceId: string): Promise<{ invoice: Stripe.Invoice; pi: Stripe.PaymentIntent | null }> {
  const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ["payments.data.payment.payment_intent"] });
  const payments = invoice.payments?.data ?? [];
  const payment = payments.find((p) => p.is_default) ?? payments[0];
  const pi = payment?.payment.payment_intent;
  return { invoice, pi: pi && typeof pi !== "string" ? pi : null };
}

/**
 * Where a requested upgrade stands in Stripe. No pending update left and this request's invoice
 * paid: the new plan applies (the webhook may have applied it already; syncSubscription keeps
 * the newer read). Still pending: the invoice's PaymentIntent either waits for the card holder
 * or was declined, and the plan stays as it is.
 */
async function settleUpgrade(db: Db, stripe: Stripe, request: PlanChangeRequest, subscription: Stripe.Subscription): Promise<UpgradeResult> {
  const invoiceId = request.stripeInvoiceId ?? idOf(subscription.latest_invoice);
  if (!invoiceId) throw refused("plan.upgrade_not_billed");
  const { invoice, pi } = await invoicePaymentIntent(stripe, invoiceId);
  if (invoice.status === "paid") {
    await db.transaction(async (tx) => {
      await syncSubscription(tx, subscription);
      await settleChangeRequest(tx, request.id, "applied", invoice.id);
    });
    return { status: "upgraded", plan: request.plan, amountPaid: invoice.amount_paid, currency: invoice.currency.toUpperCase() };
  }
  if (invoice.status === "open" && pi?.status === "requires_action" && pi.client_secret) {
    await settleChangeRequest(db, request.id, "requires_action", invoice.id);
    return { status: "requires_action", requestId: request.id, clientSecret: pi.client_secret, publishableKey: platformPublishableKey() };
  }
  await settleChangeRequest(db, request.id, "failed", invoice.id);
  const error = pi?.last_payment_error;
  if (error?.code === "payment_intent_authentication_failure") {
    throw refused("plan.authentication_failed");
  }
  throw refused("plan.card_declined", { stripeMessage: error?.message });
}
