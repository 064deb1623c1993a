import type Stripe from "stripe";
import { markCheckoutExpired } from "@/lib/payments/card/end-checkouts";
import { expireCardOrder } from "@/lib/shop/expire-card-order";
import { orderIdFor } from "@/lib/shop/metadata";
import type { EventHandler } from "../types";

/**
 * A Checkout Session ran out unpaid (its expires_at passed, or we expired it): a webshop card
 * order is cancelled and its items released; an invoice's card checkout is marked expired. Both
 * changes are made once whatever the number of deliveries. `expired` is final at Stripe ("no
 * further processing will occur": https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-status),
 * so a session the event shows expired is trusted as sent; any other state is read again.
 */
export const checkoutSessionExpired: EventHandler<Stripe.CheckoutSessionExpiredEvent> = async (event, { dojoId, stripe }) => {
  const sent = event.data.object;
  if (sent.mode !== "payment") return "ignored";
  const session = sent.status === "expired" ? sent : await stripe.checkout.sessions.retrieve(sent.id);
  if (session.status !== "expired") return "ignored";
  if (orderIdFor(session.metadata, dojoId)) return async (tx) => ((await expireCardOrder(tx, dojoId, session)) ? "processed" : "ignored");
  return async (tx) => ((await markCheckoutExpired(tx, dojoId, session)) ? "processed" : "ignored");
};
