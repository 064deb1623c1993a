import type Stripe from "stripe";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { failCardOrder } from "@/lib/shop/fail-card-order";
import { isShopSession } from "@/lib/shop/webhook";
import type { WebhookHandler } from "../types";

/**
 * A delayed payment method failed: nothing was charged and nothing is booked. A webshop order
 * is cancelled so its items are free again; an invoice simply stays open for another payment.
 * https://docs.stripe.com/checkout/fulfillment#delayed-notification
 */
export const checkoutSessionAsyncPaymentFailed: WebhookHandler = async (tx, { dojoId, stripe, event }) => {
  const sent = event.data.object as Stripe.Checkout.Session;
  if (sent.mode !== "payment") return "ignored";
  const shop = isShopSession(sent, dojoId);
  if (!shop && !invoiceIdFor(sent.metadata, dojoId)) return "ignored";
  // Events can be stale: Stripe's session now decides.
  const session = await retrieveCheckoutSession(stripe, sent.id);
  if (session.payment_status === "paid") return "ignored";
  if (shop) return (await failCardOrder(tx, dojoId, session)) ? "processed" : "ignored";
  return "processed";
};
