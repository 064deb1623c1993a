import type Stripe from "stripe";
import type { PlatformWebhookHandler } from "../types";
import { syncSubscriptionById } from "../sync-from-stripe";

/** A renewal (new period: a scheduled downgrade applies), a price change or a status change. */
export const customerSubscriptionUpdated: PlatformWebhookHandler = async (tx, { stripe, event }) =>
  syncSubscriptionById(tx, stripe, (event.data.object as Stripe.Subscription).id);
