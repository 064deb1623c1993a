import type Stripe from "stripe";
import { idOf } from "@/lib/stripe/objects";
import type { EventHandler, PlatformContext } from "@/lib/stripe/webhooks/types";
import { syncSubscription } from "../../sync-subscription";

/**
 * A plan invoice was paid (first subscription, upgrade, renewal): the subscription's plan and
 * period apply. The subscription is read, before the transaction: the invoice only names it.
 */
export const invoicePaid: EventHandler<Stripe.InvoicePaidEvent, PlatformContext> = async (event, { stripe }) => {
  const subscriptionId = idOf(event.data.object.parent?.subscription_details?.subscription);
  if (!subscriptionId) return "ignored";
  const readAt = new Date();
  const subscription = await stripe.subscriptions.retrieve(subscriptionId);
  return async (tx) => ((await syncSubscription(tx, subscription, readAt)) ? "processed" : "ignored");
};
