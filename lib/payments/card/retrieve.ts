import type Stripe from "stripe";

// Reads fresh from Stripe, with what recording needs expanded: events and browser callbacks
// only tell us that something happened, the objects say what.
export function retrievePaymentIntent(stripe: Stripe, id: string): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.retrieve(id, { expand: ["latest_charge", "payment_method"] });
}

export function retrieveCheckoutSession(stripe: Stripe, id: string): Promise<Stripe.Checkout.Session> {
  return stripe.checkout.sessions.retrieve(id, { expand: ["payment_intent.latest_charge", "payment_intent.payment_method"] });
}
