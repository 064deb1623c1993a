import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { syncSubscription } from "../sync-subscription";

/** Re-reads a subscription (events may be stale or out of order) and mirrors it. */
export async function syncSubscriptionById(tx: Tx, stripe: Stripe, subscriptionId: string): Promise<"processed" | "ignored"> {
  const readAt = new Date();
  const subscription = await stripe.subscriptions.retrieve(subscriptionId);
  return (await syncSubscription(tx, subscription, readAt)) ? "processed" : "ignored";
}
