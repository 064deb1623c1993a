import type Stripe from "stripe";
import type { PlatformWebhookHandler } from "../types";
import { syncSubscriptionById } from "../sync-from-stripe";

/** A plan invoice was paid (first subscription, upgrade, renewal): the subscription's plan and period apply. */
export const invoicePaid: PlatformWebhookHandler = async (tx, { stripe, event }) => {
  const invoice = event.data.object as Stripe.Invoice;
  const sub = invoice.parent?.subscription_details?.subscription;
  if (!sub) return "ignored";
  return syncSubscriptionById(tx, stripe, typeof sub === "string" ? sub : sub.id);
};
