import type Stripe from "stripe";
import { registerCheckoutSubscriptionCreator } from "../resources/checkout-sessions";
import { invoiceInternals } from "./invoices";
import { createSubscription } from "./subscriptions";

/**
 * A completed subscription-mode Checkout Session creates its subscription here. The customer is
 * on the page, so the first invoice is charged on-session (the default) with the card just entered, which also
 * becomes the subscription's default payment method (as Checkout does).
 */
export function wireCheckoutSubscriptions(): void {
  registerCheckoutSubscriptionCreator((account, request) => {
    const subscription = createSubscription(account, {
      customer: request.customer,
      items: request.items,
      defaultPaymentMethod: request.paymentMethod,
      metadata: request.metadata,
      description: request.description,
      trialPeriodDays: request.trialPeriodDays,
      trialEnd: request.trialEnd,
    });
    const invoiceId = subscription.latest_invoice as string;
    const piId = invoiceInternals(account, invoiceId).paymentIntentId;
    const paymentIntent = piId ? (account.get<Stripe.PaymentIntent>(piId, "payment_intent") ?? null) : null;
    return { subscription, paymentIntent, invoice: invoiceId };
  });
}
