import type { WebhookHandler } from "./types";
import type { HandledEventType } from "./enabled-events";
import { chargeRefunded } from "./handlers/charge-refunded";
import { checkoutSessionAsyncPaymentFailed } from "./handlers/checkout-session-async-payment-failed";
import { checkoutSessionAsyncPaymentSucceeded } from "./handlers/checkout-session-async-payment-succeeded";
import { chargeRefundUpdated } from "./handlers/charge-refund-updated";
import { checkoutSessionCompleted } from "./handlers/checkout-session-completed";
import { checkoutSessionExpired } from "./handlers/checkout-session-expired";
import { paymentIntentSucceeded } from "./handlers/payment-intent-succeeded";
import { invoicePaid } from "./handlers/invoice-paid";
import { invoicePaymentFailed } from "./handlers/invoice-payment-failed";
import { invoicePaymentActionRequired } from "./handlers/invoice-payment-action-required";
import { customerSubscriptionCreated } from "./handlers/customer-subscription-created";
import { customerSubscriptionUpdated } from "./handlers/customer-subscription-updated";
import { customerSubscriptionDeleted } from "./handlers/customer-subscription-deleted";

// Event type → handler. The Record makes every subscribed event (enabled-events.ts) have one.
const HANDLERS: Record<HandledEventType, WebhookHandler> = {
  "checkout.session.completed": checkoutSessionCompleted,
  "checkout.session.async_payment_succeeded": checkoutSessionAsyncPaymentSucceeded,
  "checkout.session.async_payment_failed": checkoutSessionAsyncPaymentFailed,
  "checkout.session.expired": checkoutSessionExpired,
  "payment_intent.succeeded": paymentIntentSucceeded,
  "charge.refunded": chargeRefunded,
  "charge.refund.updated": chargeRefundUpdated,
  "invoice.paid": invoicePaid,
  "invoice.payment_failed": invoicePaymentFailed,
  "invoice.payment_action_required": invoicePaymentActionRequired,
  "customer.subscription.created": customerSubscriptionCreated,
  "customer.subscription.updated": customerSubscriptionUpdated,
  "customer.subscription.deleted": customerSubscriptionDeleted,
};

/** Looked up per event by dispatch.ts; a Map so tests can register a handler of their own. */
export const webhookHandlers = new Map<string, WebhookHandler>(Object.entries(HANDLERS));
