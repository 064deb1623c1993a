import { applySubscriptionEvent } from "@/lib/subscriptions/subscription-webhook";
import type { WebhookHandler } from "../types";

/** Status, period, cancel at period end: changes from renewals, failures and the Stripe dashboard. */
export const customerSubscriptionUpdated: WebhookHandler = (tx, ctx) => applySubscriptionEvent(tx, ctx);
