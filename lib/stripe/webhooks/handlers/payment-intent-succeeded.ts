import type Stripe from "stripe";
import { settleCardPaymentFromEvent } from "@/lib/payments/card/settle-card-payment";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { retrievePaymentIntent } from "@/lib/payments/card/retrieve";
import type { WebhookHandler } from "../types";

/** A card payment for one of our invoices (checkout, saved card or 3-D Secure finished later): recorded or refunded. */
export const paymentIntentSucceeded: WebhookHandler = async (tx, { dojoId, stripe, event, afterCommit }) => {
  const sent = event.data.object as Stripe.PaymentIntent;
  // Not one of our invoice payments (a webshop order, a subscription): nothing to do here.
  if (!invoiceIdFor(sent.metadata, dojoId)) return "ignored";
  const pi = await retrievePaymentIntent(stripe, sent.id);
  // Settled here or by another path first; the receipt is queued with the payment, once.
  const { settlement } = await settleCardPaymentFromEvent(tx, dojoId, pi, afterCommit);
  return settlement ? "processed" : "ignored";
};
