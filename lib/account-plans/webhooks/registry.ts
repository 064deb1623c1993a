import type Stripe from "stripe";
import type { EventOf, EventRouter, PlatformContext } from "@/lib/stripe/webhooks/types";
import { PLATFORM_EVENTS } from "./events";
import { customerSubscriptionChanged } from "./handlers/customer-subscription-changed";
import { invoicePaid } from "./handlers/invoice-paid";

type PlatformEventType = (typeof PLATFORM_EVENTS)[number];
const SUBSCRIBED: ReadonlySet<string> = new Set(PLATFORM_EVENTS);
export const handlesPlatformEvent = (type: string) => SUBSCRIBED.has(type);

/** The platform account's event → its handler, narrowed by the switch (no casts). */
export const routePlatformEvent: EventRouter<PlatformContext> = (event, ctx) => {
  switch (event.type) {
    case "invoice.paid":
      return invoicePaid(event, ctx);
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return customerSubscriptionChanged(event, ctx);
    default:
      return unsubscribed(event);
  }
};

// Typed so that a subscribed event type (events.ts) without a case above does not compile.
function unsubscribed(event: Exclude<Stripe.Event, EventOf<PlatformEventType>>): null {
  void event;
  return null;
}
