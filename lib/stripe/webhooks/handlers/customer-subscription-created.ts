import { applySubscriptionEvent } from "@/lib/subscriptions/subscription-webhook";
import type { WebhookHandler } from "../types";

/** A subscription made in Tatami or in the Stripe dashboard for a linked customer. */
export const customerSubscriptionCreated: WebhookHandler = (tx, ctx) => applySubscriptionEvent(tx, ctx);
