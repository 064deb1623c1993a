import type Stripe from "stripe";
import { failDelayedCheckout } from "@/lib/payments/card/delayed-checkout";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { retrievePaymentIntent } from "@/lib/payments/card/retrieve";
import type { EventHandler } from "../types";

/**
 * A PaymentIntent for one of our invoices failed. A declined card in an open Checkout changes
 * nothing here (the member tries again on the same page). After processing — a SEPA debit the
 * bank returned — it ends the invoice's pending payment like checkout.session.async_payment_failed
 * (whichever comes first; the other finds nothing processing). Nothing was booked, so nothing is
 * reversed. Stripe's PaymentIntent is read again: a stale event about an intent that went on to
 * succeed must not reopen anything.
 * https://docs.stripe.com/payments/paymentintents/lifecycle, https://docs.stripe.com/payments/sepa-debit/accept-a-payment
 */
export const paymentIntentPaymentFailed: EventHandler<Stripe.PaymentIntentPaymentFailedEvent> = async (event, { dojoId, stripe }) => {
  const sent = event.data.object;
  if (!invoiceIdFor(sent.metadata, dojoId) || !sent.metadata?.tatami_checkout_id) return "ignored";
  const pi = await retrievePaymentIntent(stripe, sent.id);
  if (pi.status !== "requires_payment_method" && pi.status !== "canceled") return "ignored";
  const reason = pi.last_payment_error?.message ?? sent.last_payment_error?.message ?? null;
  return async (tx) => ((await failDelayedCheckout(tx, dojoId, pi.metadata, reason)) ? "processed" : "ignored");
};
