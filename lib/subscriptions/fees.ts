import "server-only";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { invalidInput, NotFoundError, refused } from "@/lib/errors";
import { parseAmount } from "@/lib/money";
import { idOf } from "@/lib/stripe/objects";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { requireSubscription } from "./pause";
import { stripeFailure } from "./stripe-failure";

/** A fee waiting in Stripe for a subscription's next invoice (a pending invoice item). */
export interface PendingFee {
  id: string;
  description: string;
  amountMinor: number;
  currency: string;
  /** The plan's sign-up fee (added at subscribe time), or one staff added (grading, exam …). */
  kind: "signup" | "fee";
}

const subscriptionOf = (item: Stripe.InvoiceItem) => idOf(item.parent?.subscription_details?.subscription) ?? null;

/**
 * A one-off fee (grading, exam …) on the subscription's next invoice: a pending invoice item on the
 * subscription, which Stripe adds to its next renewal (or the first invoice after a trial); the
 * synced invoice then carries it as its own line. Nothing is stored here: Stripe's pending items are
 * the list. `attempt` keys the call, so a double submit adds one fee.
 * https://docs.stripe.com/billing/invoices/subscription#adding-upcoming-invoice-items
 */
export async function addSubscriptionFee(
  db: DbOrTx,
  stripe: Stripe,
  input: { dojoId: string; subscriptionId: string; description: string; amount: string; attempt: string },
): Promise<PendingFee> {
  const row = await requireSubscription(db, input.dojoId, input.subscriptionId);
  // Ended, or ending at the period's end: there is no next invoice to carry the fee.
  if (!isLiveSubscription(row.status) || row.cancelAtPeriodEnd) throw refused("subscription_fee.not_running");
  // A renewal made while paused is voided at once (pause.ts), and a fee riding on it would go with it.
  if (row.pauseBehavior) throw refused("subscription_fee.paused");
  const amount = parseAmount(input.amount, row.currency);
  if (!amount.ok) throw invalidInput("subscription_fee.amount", { problem: amount.message });
  if (amount.minor <= 0) throw invalidInput("subscription_fee.amount_not_positive");
  let item: Stripe.InvoiceItem;
  try {
    const sub = await stripe.subscriptions.retrieve(row.stripeSubscriptionId);
    item = await stripe.invoiceItems.create(
      {
        customer: idOf(sub.customer)!,
        subscription: row.stripeSubscriptionId,
        amount: amount.minor,
        currency: row.currency.toLowerCase(),
        description: input.description,
        metadata: { tatami_dojo_id: input.dojoId, tatami_fee: "fee" },
      },
      { idempotencyKey: `fee-${row.id}-${input.attempt}` },
    );
  } catch (error) {
    throw stripeFailure(error, "adding the fee");
  }
  return feeOf(item);
}

function feeOf(item: Stripe.InvoiceItem): PendingFee {
  return { id: item.id, description: item.description ?? "Fee", amountMinor: item.amount, currency: item.currency.toUpperCase(), kind: item.metadata?.tatami_fee === "signup" ? "signup" : "fee" };
}

/** The fees waiting for each of a customer's subscriptions' next invoice, by Stripe subscription id. */
export async function pendingFeesByCustomer(stripe: Stripe, customerId: string): Promise<Map<string, PendingFee[]>> {
  const out = new Map<string, PendingFee[]>();
  for await (const item of stripe.invoiceItems.list({ customer: customerId, pending: true, limit: 100 })) {
    const sub = subscriptionOf(item);
    if (!sub || item.proration) continue;
    out.set(sub, [...(out.get(sub) ?? []), feeOf(item)]);
  }
  return out;
}

/**
 * Takes a pending fee off the next invoice. Refused once Stripe has put it on an invoice: that
 * invoice is (or is about to be) charged, so the fee is refunded or credited there, not deleted.
 */
export async function removeSubscriptionFee(db: DbOrTx, stripe: Stripe, input: { dojoId: string; subscriptionId: string; invoiceItemId: string }): Promise<void> {
  const row = await requireSubscription(db, input.dojoId, input.subscriptionId);
  let item: Stripe.InvoiceItem;
  try {
    item = await stripe.invoiceItems.retrieve(input.invoiceItemId);
  } catch (error) {
    throw stripeFailure(error, "reading the fee");
  }
  // Only this subscription's items: an id from another subscription (or dojo's account) is not found.
  if (subscriptionOf(item) !== row.stripeSubscriptionId) throw new NotFoundError("Fee");
  if (item.invoice) throw refused("subscription_fee.already_invoiced");
  try {
    await stripe.invoiceItems.del(item.id, {}, { idempotencyKey: `remove-fee-${item.id}` });
  } catch (error) {
    if ((error as { code?: string }).code === "invoice_not_editable") throw refused("subscription_fee.already_invoiced");
    throw stripeFailure(error, "removing the fee");
  }
}
