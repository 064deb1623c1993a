import type Stripe from "stripe";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { applyStripeInvoice, readStripeInvoice } from "@/lib/subscriptions/sync-invoice";
import { idOf } from "@/lib/stripe/objects";
import type { EventHandler } from "../types";

/**
 * A SEPA debit was submitted. For a subscription's invoice — Stripe's own PaymentIntent, charging
 * the customer's mandate at a renewal — no invoice event comes until the debit ends (invoice.paid
 * or invoice.payment_failed, days later), so this is when the Tatami invoice learns it is pending
 * ("payment pending (SEPA)", nothing booked): the invoice this PaymentIntent pays is synced as
 * Stripe has it now. Our own payments (Checkout, saved-card charges: tatami metadata) are marked
 * by their own paths.
 * https://docs.stripe.com/payments/paymentintents/lifecycle, https://docs.stripe.com/api/invoice-payment/list
 */
export const paymentIntentProcessing: EventHandler<Stripe.PaymentIntentProcessingEvent> = async (event, { db, dojoId, stripe }) => {
  const sent = event.data.object;
  if (invoiceIdFor(sent.metadata, dojoId)) return "ignored";
  const [paid] = (await stripe.invoicePayments.list({ payment: { type: "payment_intent", payment_intent: sent.id }, limit: 1 })).data;
  const invoiceId = idOf(paid?.invoice);
  if (!invoiceId) return "ignored";
  const read = await readStripeInvoice(db, stripe, dojoId, invoiceId);
  return async (tx, afterCommit) => ((await applyStripeInvoice(tx, dojoId, read, { afterCommit })) ? "processed" : "ignored");
};
