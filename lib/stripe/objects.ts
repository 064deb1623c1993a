import type Stripe from "stripe";

// From Stripe objects to what the domain stores: written once, used by every path that reads
// Stripe (webhooks, browser confirmations, reconciliation, the money check).

/** The id of a field Stripe sends either as an id or, when expanded, as the object. */
export function idOf(value: string | { id: string }): string;
export function idOf(value: string | { id?: string } | null | undefined): string | null;
export function idOf(value: string | { id?: string } | null | undefined): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

export interface PaymentFromIntent {
  stripePaymentIntentId: string;
  stripeChargeId: string | null;
  /** What Stripe took, in minor units of `currency` (upper case, as Tatami stores currencies). */
  amountMinor: number;
  currency: string;
  /** When the money was taken: the charge's time when it is expanded, else `fallbackPaidAt`. */
  paidAt: Date;
}

/**
 * A PaymentIntent as a card payment: amounts, currency, charge and time. `fallbackPaidAt` is for a
 * PaymentIntent whose latest_charge is not expanded (a signed event's: the event's own time).
 */
export function paymentFromIntent(pi: Stripe.PaymentIntent, fallbackPaidAt = new Date()): PaymentFromIntent {
  const charge = pi.latest_charge && typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  return {
    stripePaymentIntentId: pi.id,
    stripeChargeId: idOf(pi.latest_charge),
    amountMinor: pi.amount_received,
    currency: pi.currency.toUpperCase(),
    paidAt: charge ? new Date(charge.created * 1000) : fallbackPaidAt,
  };
}

/** What every event's object has, whatever its type: its id and kind (`"invoice"`, `"checkout.session"`, …). */
export function eventObject(event: Stripe.Event): { id?: string; object?: string } {
  return event.data.object;
}
