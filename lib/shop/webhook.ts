import type Stripe from "stripe";
import type { WebhookHandler } from "@/lib/stripe/webhooks/types";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { completeCardOrder } from "./complete-card-order";
import { orderIdFor } from "./metadata";
import { afterCardOrder } from "./settle-card-order";

export const isShopSession = (session: Stripe.Checkout.Session, dojoId: string) => orderIdFor(session.metadata, dojoId) !== null;

/** checkout.session.completed for a webshop order; the buyer's return may have settled it already. */
export const shopCheckoutCompleted: WebhookHandler = async (tx, { dojoId, stripe, event, afterCommit }) => {
  const sent = event.data.object as Stripe.Checkout.Session;
  const session = await retrieveCheckoutSession(stripe, sent.id);
  const outcome = await completeCardOrder(tx, dojoId, session, afterCommit);
  // Mails only once the order is committed (dispatch runs this after).
  afterCommit?.((db) => afterCardOrder(db, outcome));
  return outcome && outcome.kind !== "unpaid" ? "processed" : "ignored";
};
