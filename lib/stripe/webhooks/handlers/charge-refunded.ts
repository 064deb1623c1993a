import type Stripe from "stripe";
import { isAutomaticRefund } from "@/lib/payments/automatic-refunds/automatic-refund-metadata";
import { BOOKED_REFUND_STATUSES, recordRefund } from "@/lib/payments/refunds/record-refund";
import type { WebhookHandler } from "../types";

const STRIPE_REASONS: Record<string, string> = { duplicate: "Duplicate payment", fraudulent: "Fraudulent payment", requested_by_customer: "Requested by the customer" };

/**
 * Refunds made anywhere, the Stripe dashboard included. The charge's refunds are re-read from
 * Stripe (all of them, not the event's snapshot) and each one that went out is recorded once:
 * the staff action may already have recorded its own. Tatami's automatic refunds (the part of a
 * payment it never recorded) are left out.
 */
export const chargeRefunded: WebhookHandler = async (tx, { dojoId, stripe, event }) => {
  const sent = event.data.object as Stripe.Charge;
  const charge = await stripe.charges.retrieve(sent.id);
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  if (!paymentIntentId) return "ignored";
  const refunds = await stripe.refunds.list({ charge: charge.id, limit: 100 }).autoPagingToArray({ limit: 10_000 });
  let recorded = false;
  // Oldest first, so the ledger lists them in the order they happened.
  for (const refund of refunds.sort((a, b) => a.created - b.created)) {
    // An automatic refund gives back what was never recorded: not a ledger refund.
    if (!BOOKED_REFUND_STATUSES.has(refund.status) || isAutomaticRefund(refund)) continue;
    const result = await recordRefund(tx, {
      dojoId,
      stripePaymentIntentId: paymentIntentId,
      stripeRefundId: refund.id,
      amountMinor: refund.amount,
      currency: refund.currency,
      refundedAt: new Date(refund.created * 1000),
      reason: refund.metadata?.tatami_reason || (refund.reason && STRIPE_REASONS[refund.reason]) || "Refunded in Stripe",
    });
    // Not a payment Tatami recorded (a webshop order, another system): nothing to do.
    if (result === null) return "ignored";
    recorded ||= result.created;
  }
  return recorded ? "processed" : "ignored";
};
