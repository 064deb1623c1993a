import type Stripe from "stripe";

// The events Tatami subscribes its endpoint to. registry.ts must have a handler for each one
// (its type says so); anything else that arrives is answered 200 and stored as ignored.
export const ENABLED_EVENTS = ["checkout.session.completed", "payment_intent.succeeded", "charge.refunded"] as const satisfies readonly Stripe.WebhookEndpointCreateParams.EnabledEvent[];

export type HandledEventType = (typeof ENABLED_EVENTS)[number];
