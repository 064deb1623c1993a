import type Stripe from "stripe";
import { completeCardSetup } from "@/lib/subscriptions/card-setup";
import type { WebhookHandler } from "../types";

/** checkout.session.completed in setup mode: a card saved by "Add card now", the card link or the members area. */
export const checkoutSessionSetupCompleted: WebhookHandler = async (tx, { dojoId, stripe, event }) => {
  const sent = event.data.object as Stripe.Checkout.Session;
  const outcome = await completeCardSetup(tx, stripe, { dojoId, sessionId: sent.id });
  // The browser may never come back (closed tab): this queues the "card saved" mail too, keyed by the card so it goes once.
  return outcome.status === "saved" ? "processed" : "ignored";
};
