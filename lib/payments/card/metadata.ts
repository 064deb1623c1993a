import type Stripe from "stripe";

// The metadata every Checkout Session and PaymentIntent we open for an invoice carries, so the
// browser path and the webhooks find the same dojo and invoice (contract shared with refunds).
export interface InvoicePaymentMetadata {
  tatami_dojo_id: string;
  tatami_invoice_id: string;
  tatami_checkout_id?: string;
}

export function invoicePaymentMetadata(dojoId: string, invoiceId: string, checkoutId?: string): Stripe.MetadataParam {
  const metadata: InvoicePaymentMetadata = { tatami_dojo_id: dojoId, tatami_invoice_id: invoiceId };
  if (checkoutId) metadata.tatami_checkout_id = checkoutId;
  return { ...metadata };
}

/** The invoice a PaymentIntent or Session pays, only when its metadata names this dojo. */
export function invoiceIdFor(metadata: Stripe.Metadata | null | undefined, dojoId: string): string | null {
  if (!metadata || metadata.tatami_dojo_id !== dojoId) return null;
  return metadata.tatami_invoice_id || null;
}
