import type Stripe from "stripe";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { failCardOrder } from "@/lib/shop/fail-card-order";
import { orderIdFor } from "@/lib/shop/metadata";
import type { EventHandler } from "../types";

/**
 * A delayed payment method failed: nothing was charged and nothing is booked. A webshop order
 * is cancelled so its items are free again; an invoice simply stays open for another payment.
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
  if (!shop) return async () => "processed";
  return async (tx) => ((await failCardOrder(tx, dojoId, session)) ? "processed" : "ignored");
};
