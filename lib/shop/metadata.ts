import type Stripe from "stripe";

// What each webshop Checkout Session and its PaymentIntent carry. No tatami_invoice_id: the
// invoice handlers (lib/payments/card) leave these alone, the shop's own code records them.
export function orderPaymentMetadata(dojoId: string, orderId: string): Stripe.MetadataParam {
  return { tatami_dojo_id: dojoId, tatami_order_id: orderId };
}

/** The order a Session or PaymentIntent pays, only when its metadata names this dojo. */
export function orderIdFor(metadata: Stripe.Metadata | null | undefined, dojoId: string): string | null {
  if (!metadata || metadata.tatami_dojo_id !== dojoId) return null;
  return metadata.tatami_order_id || null;
}
