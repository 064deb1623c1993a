import type Stripe from "stripe";
import { failDelayedCheckout } from "@/lib/payments/card/delayed-checkout";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { failCardOrder } from "@/lib/shop/fail-card-order";
import { orderIdFor } from "@/lib/shop/metadata";
import type { EventHandler } from "../types";

/**
 * A delayed payment method failed: nothing was charged and nothing is booked. A webshop order
 * is cancelled so its items are free again; an invoice's pending payment ends (it is payable
 * again) and the member and the owners are told. Nothing is reversed: nothing was booked.
 * https://docs.stripe.com/checkout/fulfillment#delayed-notification
 */
export const checkoutSessionAsyncPaymentFailed: EventHandler<Stripe.CheckoutSessionAsyncPaymentFailedEvent> = async (event, { dojoId, stripe }) => {
  const sent = event.data.object;
  if (sent.mode !== "payment") return "ignored";
  const shop = orderIdFor(sent.metadata, dojoId) !== null;
  if (!shop && !invoiceIdFor(sent.metadata, dojoId)) return "ignored";
  // Events can be stale: Stripe's session now decides.
  const session = await retrieveCheckoutSession(stripe, sent.id);
  if (session.payment_status === "paid") return "ignored";
  if (!shop) {
    const pi = session.payment_intent && typeof session.payment_intent === "object" ? session.payment_intent : null;
    const reason = pi?.last_payment_error?.message ?? null;
    return async (tx) => ((await failDelayedCheckout(tx, dojoId, session.metadata, reason)) ? "processed" : "ignored");
  }
  return async (tx) => ((await failCardOrder(tx, dojoId, session)) ? "processed" : "ignored");
};
