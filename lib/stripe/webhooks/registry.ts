import type Stripe from "stripe";
import { ENABLED_EVENTS, type HandledEventType } from "./enabled-events";
import type { DojoContext, EventHandler, EventOf, EventRouter } from "./types";
import { chargeDisputeChanged } from "./handlers/charge-dispute-changed";
import { chargeRefundUpdated } from "./handlers/charge-refund-updated";
import { chargeRefunded } from "./handlers/charge-refunded";
import { checkoutSessionAsyncPaymentFailed } from "./handlers/checkout-session-async-payment-failed";
import { checkoutSessionAsyncPaymentSucceeded } from "./handlers/checkout-session-async-payment-succeeded";
import { checkoutSessionCompleted } from "./handlers/checkout-session-completed";
import { checkoutSessionExpired } from "./handlers/checkout-session-expired";
import { customerSubscriptionChanged } from "./handlers/customer-subscription-changed";
import { invoiceChanged } from "./handlers/invoice-changed";
import { paymentIntentPaymentFailed } from "./handlers/payment-intent-payment-failed";
import { paymentIntentProcessing } from "./handlers/payment-intent-processing";
import { paymentIntentSucceeded } from "./handlers/payment-intent-succeeded";

/** Handlers for event types Tatami does not subscribe to: tests register their own here. */
export const extraHandlers = new Map<string, EventHandler<Stripe.Event>>();

const SUBSCRIBED: ReadonlySet<string> = new Set(ENABLED_EVENTS);
export const handlesDojoEvent = (type: string) => SUBSCRIBED.has(type) || extraHandlers.has(type);

/**
 * A dojo's event → its handler. The switch narrows each event to its type, so every handler gets
 * its own (Stripe.ChargeRefundedEvent, …) and reads `event.data.object` without a cast.
 */
export const routeDojoEvent: EventRouter<DojoContext> = (event, ctx) => {
  switch (event.type) {
    case "checkout.session.completed":
      return checkoutSessionCompleted(event, ctx);
    case "checkout.session.async_payment_succeeded":
      return checkoutSessionAsyncPaymentSucceeded(event, ctx);
    case "checkout.session.async_payment_failed":
      return checkoutSessionAsyncPaymentFailed(event, ctx);
    case "checkout.session.expired":
      return checkoutSessionExpired(event, ctx);
    case "payment_intent.succeeded":
      return paymentIntentSucceeded(event, ctx);
    case "payment_intent.payment_failed":
      return paymentIntentPaymentFailed(event, ctx);
    case "payment_intent.processing":
      return paymentIntentProcessing(event, ctx);
    case "charge.refunded":
      return chargeRefunded(event, ctx);
    case "charge.refund.updated":
      return chargeRefundUpdated(event, ctx);
    case "charge.dispute.created":
    case "charge.dispute.closed":
      return chargeDisputeChanged(event, ctx);
    case "invoice.paid":
    case "invoice.payment_failed":
    case "invoice.payment_action_required":
      return invoiceChanged(event, ctx);
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return customerSubscriptionChanged(event, ctx);
    default:
      return unsubscribed(event, ctx);
  }
};

// Typed so that a subscribed event type (enabled-events.ts) without a case above does not compile.
function unsubscribed(event: Exclude<Stripe.Event, EventOf<HandledEventType>>, ctx: DojoContext) {
  return extraHandlers.get(event.type)?.(event, ctx) ?? null;
}
