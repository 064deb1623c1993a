import type Stripe from "stripe";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { paymentFromIntent } from "@/lib/stripe/objects";
import { settleCardEvent } from "../settle-card-event";
import type { EventHandler } from "../types";

/**
 * A card payment for one of our invoices (checkout, saved card or 3-D Secure finished later):
 * recorded or refunded. Trusted as signed, without reading it again: `succeeded` is where a
 * PaymentIntent's state machine ends (https://docs.stripe.com/payments/paymentintents/lifecycle
 * — the payment flow it drives is complete), so its amount, currency and metadata no longer
 * change; refunds happen on the charge, not here. An event in an older API version was read again
 * in the pinned one before it got here. The receipt names the card when it is sent.
 */
export const paymentIntentSucceeded: EventHandler<Stripe.PaymentIntentSucceededEvent> = async (event, { dojoId }) => {
  const pi = event.data.object;
  // Not one of our invoice payments (a webshop order, a subscription): nothing to do here.
  if (pi.status !== "succeeded" || !invoiceIdFor(pi.metadata, dojoId)) return "ignored";
  // The event's time is when it succeeded; the charge's own time when it is expanded.
  const { paidAt } = paymentFromIntent(pi, new Date(event.created * 1000));
  return settleCardEvent(dojoId, pi, { paidAt });
};
