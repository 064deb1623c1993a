import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { memberSubscriptions, type SubscriptionPlan } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";
import { listCustomerCards, makeDefaultCard } from "./cards";
import { signupFeeLabel } from "./labels";
import { requirePlan } from "./plans";
import { requirePayerCustomer } from "./payer-customer";
import { stripeFailure } from "./stripe-failure";
import { syncStripeInvoice, type StripeInvoiceState } from "./sync-invoice";
import { syncSubscription } from "./sync-subscription";
import { payerOf } from "@/lib/families/payer";
import { discountedMinor, familyDiscountPercent } from "@/lib/families/discount";
import { queueUnpaidInvoiceMail } from "./unpaid-invoice-mail";

export interface Subscribed {
  subscriptionId: string;
  /** What happened to the first payment. */
  firstPayment: StripeInvoiceState | "none";
  invoiceId: string | null;
}

/**
 * Subscribes a member to a plan, charging their default card at once, off-session: staff do
 * this without the member present, so a card saved for later payments is charged without asking
 * (Stripe's default would be on-session and ask the absent member for 3-D Secure). The subscription has no card of its own: Stripe charges the
 * customer's default card, so a card replaced later (card link, members area) pays the
 * renewals. The first Stripe invoice becomes a Tatami invoice here already (the webhooks find
 * it done); a declined or authentication-needing first payment leaves the
 * subscription incomplete and mails the member. `attempt` (from the form) keys the create call.
 * A family member is subscribed on the payer's customer and card: the paying member's, or the
 * family's own when a contact pays (the subscription's metadata
 * names the member), at the family discount from the family's second subscribed member: a
 * price of the plan's product at the discounted amount, made for this subscription.
 */
export async function subscribeMember(db: Db, stripe: Stripe, input: { dojoId: string; memberId: string; planId: string; currency: string; attempt: string }): Promise<Subscribed> {
  const plan = await requirePlan(db, input.dojoId, input.planId);
  if (plan.archived) throw refused("subscription.plan_archived");
  if (plan.currency !== input.currency.toUpperCase()) throw refused("subscription.plan_other_currency", { planCurrency: plan.currency, currency: input.currency.toUpperCase() });
  const payer = await payerOf(db, input.dojoId, input.memberId);
  const customer = await requirePayerCustomer(db, input.dojoId, payer);
  const cards = await listCustomerCards(stripe, customer);
  if (!cards?.length) throw refused(payer.kind === "member" && payer.memberId === input.memberId ? "subscription.no_card" : "subscription.family_payer_no_card");
  // Stripe charges only the customer's default card; a card saved without being made default becomes it.
  if (!cards.some((c) => c.isDefault)) await makeDefaultCard(stripe, customer, cards[0].paymentMethodId);

  const discount = await familyDiscountPercent(db, input.dojoId, input.memberId);
  let sub: Stripe.Subscription;
  try {
    const price = discount > 0 ? (await familyPrice(stripe, plan, discount, `${input.memberId}-${input.attempt}`)).id : plan.stripePriceId;
    sub = await stripe.subscriptions.create(
      {
        customer,
        items: [{ price }],
        // A trial: nothing is charged now (Stripe's first invoice is of zero and becomes no invoice here); the card pays at its end.
        ...(plan.trialDays ? { trial_period_days: plan.trialDays } : {}),
        // Without a trial the sign-up fee rides on the first invoice, charged now with the first period.
        ...(plan.signupFeeMinor && !plan.trialDays ? { add_invoice_items: [signupFeeItem(plan)] } : {}),
        payment_behavior: "allow_incomplete",
        off_session: true,
        metadata: { tatami_dojo_id: input.dojoId, tatami_member_id: input.memberId, tatami_plan_id: plan.id, ...(discount > 0 ? { tatami_family_discount: String(discount) } : {}) },
      },
      { idempotencyKey: `subscribe-${input.memberId}-${plan.id}-${input.attempt}` },
    );
  } catch (error) {
    throw stripeFailure(error, "creating the subscription");
  }

  // With a trial, add_invoice_items would land on the zero trial invoice (Stripe's "next invoice for
  // this subscription" is the one made at creation) and charge the fee on day 0. A pending invoice
  // item on the subscription waits instead for the first invoice after the trial, so the member pays
  // fee + first period together at its end. Keyed on the create call's key: a retry adds it once.
  // https://docs.stripe.com/api/subscriptions/create#create_subscription-add_invoice_items
  // https://docs.stripe.com/billing/invoices/subscription#adding-upcoming-invoice-items
  if (plan.signupFeeMinor && plan.trialDays) {
    try {
      await stripe.invoiceItems.create(
        { customer, subscription: sub.id, amount: plan.signupFeeMinor, currency: plan.currency.toLowerCase(), description: signupFeeLabel(plan), metadata: { tatami_dojo_id: input.dojoId, tatami_fee: "signup" } },
        { idempotencyKey: `signup-fee-${input.memberId}-${plan.id}-${input.attempt}` },
      );
    } catch (error) {
      throw stripeFailure(error, "adding the sign-up fee to the first invoice");
    }
  }

  const result = await db.transaction(async (tx) => {
    const row = await syncSubscription(tx, input.dojoId, sub);
    if (!row) throw new NotFoundError("Member");
    const latest = typeof sub.latest_invoice === "string" ? sub.latest_invoice : sub.latest_invoice?.id;
    const synced = latest ? await syncStripeInvoice(tx, stripe, input.dojoId, latest) : null;
    if (synced) await queueUnpaidInvoiceMail(tx, input.dojoId, synced);
    return { row, synced };
  });
  return { subscriptionId: result.row.id, firstPayment: result.synced?.state ?? "none", invoiceId: result.synced?.invoice.id ?? null };
}

/** The fee as add_invoice_items takes it: an inline one-time price on the fee's own product (named for the line). */
function signupFeeItem(plan: SubscriptionPlan): Stripe.SubscriptionCreateParams.AddInvoiceItem {
  return { price_data: { currency: plan.currency.toLowerCase(), product: plan.signupFeeProductId ?? plan.stripeProductId, unit_amount: plan.signupFeeMinor! } };
}

/** The plan's price less the family discount, on the plan's product (so Stripe reports it as the same product). */
function familyPrice(stripe: Stripe, plan: SubscriptionPlan, percent: number, key: string) {
  return stripe.prices.create(
    {
      product: plan.stripeProductId,
      currency: plan.currency.toLowerCase(),
      unit_amount: discountedMinor(plan.amountMinor, percent),
      recurring: { interval: plan.interval, interval_count: plan.intervalCount },
      metadata: { tatami_dojo_id: plan.dojoId, tatami_plan_id: plan.id, tatami_family_discount: String(percent) },
    },
    { idempotencyKey: `family-price-${plan.id}-${key}` },
  );
}

/** Cancel now, or at the end of the paid period; the row follows what Stripe answers. */
export async function cancelSubscription(db: Db, stripe: Stripe, input: { dojoId: string; subscriptionId: string; when: "now" | "period_end" }): Promise<void> {
  const [row] = await db
    .select()
    .from(memberSubscriptions)
    .where(and(eq(memberSubscriptions.id, input.subscriptionId), eq(memberSubscriptions.dojoId, input.dojoId)));
  if (!row) throw new NotFoundError("Subscription");
  if (row.status === "canceled" || row.status === "incomplete_expired") throw refused("subscription.ended");
  let sub: Stripe.Subscription;
  try {
    sub =
      input.when === "now"
        ? await stripe.subscriptions.cancel(row.stripeSubscriptionId, {}, { idempotencyKey: `cancel-${row.id}` })
        : await stripe.subscriptions.update(row.stripeSubscriptionId, { cancel_at_period_end: true }, { idempotencyKey: `cancel-at-period-end-${row.id}` });
  } catch (error) {
    throw stripeFailure(error, "cancelling the subscription");
  }
  await syncSubscription(db, input.dojoId, sub);
}
