import type Stripe from "stripe";
import type { WebhookHandler } from "@/lib/stripe/webhooks/types";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { completeCardOrder } from "./complete-card-order";
import { orderIdFor } from "./metadata";

export const isShopSession = (session: Stripe.Checkout.Session, dojoId: string) => orderIdFor(session.metadata, dojoId) !== null;

/** checkout.session.completed for a webshop order; the buyer's return may have settled it already. */
export const shopCheckoutCompleted: WebhookHandler = async (tx, { dojoId, stripe, event, afterCommit }) => {
  const sent = event.data.object as Stripe.Checkout.Session;
  const session = await retrieveCheckoutSession(stripe, sent.id);
  // Mails are queued with the paid order; dispatch makes a refund decided in it after the commit.
  const outcome = await completeCardOrder(tx, dojoId, session, afterCommit);
  return outcome && outcome.kind !== "unpaid" ? "processed" : "ignored";
};
