import type Stripe from "stripe";
import type { PlatformWebhookHandler } from "../types";
import { syncSubscriptionById } from "../sync-from-stripe";

/** The plan subscription ended: the dojo falls back to Basic features; no data is deleted. */
export const customerSubscriptionDeleted: PlatformWebhookHandler = async (tx, { stripe, event }) =>
  syncSubscriptionById(tx, stripe, (event.data.object as Stripe.Subscription).id);
