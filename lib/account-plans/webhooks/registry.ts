import type { PlatformWebhookHandler } from "./types";
import type { PLATFORM_EVENTS } from "./events";
import { customerSubscriptionDeleted } from "./handlers/customer-subscription-deleted";
import { customerSubscriptionUpdated } from "./handlers/customer-subscription-updated";
import { invoicePaid } from "./handlers/invoice-paid";

// Each subscribed event with its handler (the Record makes a missing one a type error).
export const platformWebhookHandlers: Record<(typeof PLATFORM_EVENTS)[number], PlatformWebhookHandler> = {
  "invoice.paid": invoicePaid,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
};
