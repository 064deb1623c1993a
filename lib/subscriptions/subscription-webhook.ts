import type Stripe from "stripe";
import type { WebhookHandler } from "@/lib/stripe/webhooks/types";
import { retrieveAndSyncSubscription } from "./sync-subscription";

/** customer.subscription.*: the subscription is re-read, so the newest state wins whatever the order. */
export const applySubscriptionEvent: WebhookHandler = async (tx, { dojoId, stripe, event }) => {
  const sent = event.data.object as Stripe.Subscription;
  const row = await retrieveAndSyncSubscription(tx, stripe, dojoId, sent.id);
  return row ? "processed" : "ignored";
};
