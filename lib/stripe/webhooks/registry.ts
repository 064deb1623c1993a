import type { WebhookHandler } from "./types";
import type { HandledEventType } from "./enabled-events";
import { chargeRefunded } from "./handlers/charge-refunded";
import { checkoutSessionCompleted } from "./handlers/checkout-session-completed";
import { paymentIntentSucceeded } from "./handlers/payment-intent-succeeded";

// Event type → handler. The Record makes every subscribed event (enabled-events.ts) have one.
const HANDLERS: Record<HandledEventType, WebhookHandler> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "payment_intent.succeeded": paymentIntentSucceeded,
  "charge.refunded": chargeRefunded,
};

/** Looked up per event by dispatch.ts; a Map so tests can register a handler of their own. */
export const webhookHandlers = new Map<string, WebhookHandler>(Object.entries(HANDLERS));
