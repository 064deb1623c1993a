import { applySubscriptionEvent } from "@/lib/subscriptions/subscription-webhook";
import type { WebhookHandler } from "../types";

/** A subscription ended (cancelled now, at period end, or in the Stripe dashboard). */
export const customerSubscriptionDeleted: WebhookHandler = (tx, ctx) => applySubscriptionEvent(tx, ctx);
