import type Stripe from "stripe";
import type { PlatformWebhookHandler } from "./types";
import { customerSubscriptionDeleted } from "./handlers/customer-subscription-deleted";
import { customerSubscriptionUpdated } from "./handlers/customer-subscription-updated";
import { invoicePaid } from "./handlers/invoice-paid";

// The events the platform endpoint subscribes to, each with its handler.
export const PLATFORM_EVENTS = ["invoice.paid", "customer.subscription.updated", "customer.subscription.deleted"] as const satisfies readonly Stripe.WebhookEndpointCreateParams.EnabledEvent[];

export const platformWebhookHandlers: Record<(typeof PLATFORM_EVENTS)[number], PlatformWebhookHandler> = {
  "invoice.paid": invoicePaid,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
};
