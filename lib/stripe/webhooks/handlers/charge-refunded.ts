import type Stripe from "stripe";
import { recordRefund } from "@/lib/payments/refunds/record-refund";
import type { WebhookHandler } from "../types";

/**
 * Refunds made anywhere, the Stripe dashboard included. The charge is re-read with its refunds
 * so every succeeded refund is recorded, each once (the staff action may already have done it).
 */
export const chargeRefunded: WebhookHandler = async (tx, { dojoId, stripe, event }) => {
  const sent = event.data.object as Stripe.Charge;
  const charge = await stripe.charges.retrieve(sent.id, { expand: ["refunds"] });
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  if (!paymentIntentId) return "ignored";
  const list = charge.refunds?.data ?? (await stripe.refunds.list({ charge: charge.id, limit: 100 })).data;
  let recorded = false;
  for (const refund of list) {
    if (refund.status !== "succeeded") continue;
    const result = await recordRefund(tx, {
      dojoId,
      stripePaymentIntentId: paymentIntentId,
      stripeRefundId: refund.id,
      amountMinor: refund.amount,
      currency: refund.currency,
      refundedAt: new Date(refund.created * 1000),
      reason: refund.metadata?.tatami_reason || refund.reason || "Refunded in Stripe",
    });
    if (result === null) return "ignored";
    recorded ||= result.created;
  }
  return recorded ? "processed" : "ignored";
};
