import type Stripe from "stripe";
import { syncSubscription } from "@/lib/subscriptions/sync-subscription";
import type { EventHandler } from "../types";

type SubscriptionEvent = Stripe.CustomerSubscriptionCreatedEvent | Stripe.CustomerSubscriptionUpdatedEvent | Stripe.CustomerSubscriptionDeletedEvent;

/**
 * A member's subscription made, changed (status, period, cancel at period end: renewals, failures,
 * the Stripe dashboard) or ended. Events come in any order, so the subscription is read again and
 * the newest state wins — except one that has ended: `canceled` is terminal, "can't be updated"
 * (https://docs.stripe.com/billing/subscriptions/overview#subscription-statuses), so it is trusted as sent.
 */
export const customerSubscriptionChanged: EventHandler<SubscriptionEvent> = async (event, { dojoId, stripe }) => {
  const sent = event.data.object;
  const subscription = sent.status === "canceled" ? sent : await stripe.subscriptions.retrieve(sent.id);
  // A pause or resume seen here is dated when Stripe made it (a test clock's time for automatic resumes).
  return async (tx) => ((await syncSubscription(tx, dojoId, subscription, { at: new Date(event.created * 1000) })) ? "processed" : "ignored");
};
