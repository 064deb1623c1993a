import type Stripe from "stripe";

// The events the platform endpoint subscribes to; registry.ts has a handler for each.
export const PLATFORM_EVENTS = ["invoice.paid", "customer.subscription.updated", "customer.subscription.deleted"] as const satisfies readonly Stripe.WebhookEndpointCreateParams.EnabledEvent[];
