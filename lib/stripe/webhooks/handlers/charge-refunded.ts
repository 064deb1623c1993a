import type Stripe from "stripe";
import { isAutomaticRefund } from "@/lib/payments/automatic-refunds/automatic-refund-metadata";
import { BOOKED_REFUND_STATUSES, recordRefund } from "@/lib/payments/refunds/record-refund";
import { idOf } from "@/lib/stripe/objects";
import type { EventHandler } from "../types";

const STRIPE_REASONS: Record<string, string> = { duplicate: "Duplicate payment", fraudulent: "Fraudulent payment", requested_by_customer: "Requested by the customer" };

/**
 * Refunds made anywhere, the Stripe dashboard included. The charge's refunds are read from
 * Stripe (all of them, not the event's snapshot: more may have followed), before the transaction,
 * and each one that went out is recorded once: the staff action may already have recorded its
 * own. Tatami's automatic refunds (the part of a payment it never recorded) are left out.
 */
export const chargeRefunded: EventHandler<Stripe.ChargeRefundedEvent> = async (event, { dojoId, stripe }) => {
  const sent = event.data.object;
  const paymentIntentId = idOf(sent.payment_intent);
  if (!paymentIntentId) return "ignored";
  const refunds = await stripe.refunds.list({ charge: sent.id, limit: 100 }).autoPagingToArray({ limit: 10_000 });
  // Oldest first, so the ledger lists them in the order they happened. An automatic refund gives
  // back what was never recorded: not a ledger refund.
  const booked = refunds.sort((a, b) => a.created - b.created).filter((refund) => BOOKED_REFUND_STATUSES.has(refund.status) && !isAutomaticRefund(refund));
  if (booked.length === 0) return "ignored";
  return async (tx) => {
    let recorded = false;
    for (const refund of booked) {
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
};
