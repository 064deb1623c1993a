import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { memberSubscriptions } from "@/db/schema";
import { ActionError, NotFoundError } from "@/lib/action-result";
import { listCustomerCards, makeDefaultCard } from "./cards";
import { requirePlan } from "./plans";
import { requireStripeCustomer } from "./stripe-customer";
import { stripeFailure } from "./stripe-failure";
import { syncStripeInvoice, type StripeInvoiceState } from "./sync-invoice";
import { syncSubscription } from "./sync-subscription";
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
 */
export async function subscribeMember(db: Db, stripe: Stripe, input: { dojoId: string; memberId: string; planId: string; currency: string; attempt: string }): Promise<Subscribed> {
  const plan = await requirePlan(db, input.dojoId, input.planId);
  if (plan.archived) throw new ActionError("This plan is archived. Choose another plan.");
  if (plan.currency !== input.currency.toUpperCase()) throw new ActionError(`This plan is in ${plan.currency}, but the dojo's Stripe account charges in ${input.currency.toUpperCase()}.`);
  const customer = await requireStripeCustomer(db, input.dojoId, input.memberId);
  const cards = await listCustomerCards(stripe, customer);
  if (!cards?.length) throw new ActionError("This member has no saved card. Add a card (or send the card link) before subscribing.");
  // Stripe charges only the customer's default card; a card saved without being made default becomes it.
  if (!cards.some((c) => c.isDefault)) await makeDefaultCard(stripe, customer, cards[0].paymentMethodId);

  let sub: Stripe.Subscription;
  try {
    sub = await stripe.subscriptions.create(
      {
        customer,
        items: [{ price: plan.stripePriceId }],
        payment_behavior: "allow_incomplete",
        off_session: true,
        metadata: { tatami_dojo_id: input.dojoId, tatami_member_id: input.memberId, tatami_plan_id: plan.id },
      },
      { idempotencyKey: `subscribe-${input.memberId}-${plan.id}-${input.attempt}` },
    );
  } catch (error) {
    throw stripeFailure(error, "creating the subscription");
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

/** Cancel now, or at the end of the paid period; the row follows what Stripe answers. */
export async function cancelSubscription(db: Db, stripe: Stripe, input: { dojoId: string; subscriptionId: string; when: "now" | "period_end" }): Promise<void> {
  const [row] = await db
    .select()
    .from(memberSubscriptions)
    .where(and(eq(memberSubscriptions.id, input.subscriptionId), eq(memberSubscriptions.dojoId, input.dojoId)));
  if (!row) throw new NotFoundError("Subscription");
  if (row.status === "canceled" || row.status === "incomplete_expired") throw new ActionError("This subscription has already ended.");
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
