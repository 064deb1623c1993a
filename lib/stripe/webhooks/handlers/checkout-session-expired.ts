import type Stripe from "stripe";
import { markCheckoutExpired } from "@/lib/payments/card/end-checkouts";
import { expireCardOrder } from "@/lib/shop/expire-card-order";
import { isShopSession } from "@/lib/shop/webhook";
import type { WebhookHandler } from "../types";

/**
 * A Checkout Session ran out unpaid (its expires_at passed, or we expired it): a webshop card
 * order is cancelled and its items released; an invoice's card checkout is marked expired.
 * Expired is final at Stripe, and both changes are made once whatever the number of deliveries.
 */
export const checkoutSessionExpired: WebhookHandler = async (tx, { dojoId, stripe, event }) => {
  const sent = event.data.object as Stripe.Checkout.Session;
  if (sent.mode !== "payment") return "ignored";
  // The event only says that something happened; the session as Stripe has it now decides.
  const session = await stripe.checkout.sessions.retrieve(sent.id);
  if (session.status !== "expired") return "ignored";
  if (isShopSession(session, dojoId)) return (await expireCardOrder(tx, dojoId, session)) ? "processed" : "ignored";
  return (await markCheckoutExpired(tx, dojoId, session)) ? "processed" : "ignored";
};
