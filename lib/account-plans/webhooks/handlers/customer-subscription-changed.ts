import type Stripe from "stripe";
import type { EventHandler, PlatformContext } from "@/lib/stripe/webhooks/types";
import { syncSubscription } from "../../sync-subscription";

type SubscriptionEvent = Stripe.CustomerSubscriptionUpdatedEvent | Stripe.CustomerSubscriptionDeletedEvent;

/**
 * customer.subscription.updated (a renewal: a scheduled downgrade applies; a price or status
 * change) and .deleted (the plan ended: the dojo falls back to Basic features, no data is
 * deleted). Read again before the transaction, since events come in any order — except an
 * ended one: `canceled` is terminal (https://docs.stripe.com/billing/subscriptions/overview#subscription-statuses).
 */
export const customerSubscriptionChanged: EventHandler<SubscriptionEvent, PlatformContext> = async (event, { stripe }) => {
  const sent = event.data.object;
  const readAt = new Date();
  const subscription = sent.status === "canceled" ? sent : await stripe.subscriptions.retrieve(sent.id);
  return async (tx) => ((await syncSubscription(tx, subscription, readAt)) ? "processed" : "ignored");
};
