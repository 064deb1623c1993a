import type Stripe from "stripe";
import { queueUnpaidInvoiceMail } from "@/lib/subscriptions/unpaid-invoice-mail";
import { applyStripeInvoice, readStripeInvoice } from "@/lib/subscriptions/sync-invoice";
import type { EventHandler } from "../types";

type InvoiceEvent = Stripe.InvoicePaidEvent | Stripe.InvoicePaymentFailedEvent | Stripe.InvoicePaymentActionRequiredEvent;

/**
 * invoice.paid (first payment, renewal, after 3-D Secure), invoice.payment_failed (declined: the
 * Tatami invoice stays open, the member is asked for another card) and
 * invoice.payment_action_required (the bank wants the card holder, PSD2): one sync. The event only
 * says which Stripe invoice changed; the invoice as Stripe has it now decides (it is read before
 * the transaction), so the events may come twice, late or in any order, and an unpaid attempt
 * mails the member once per attempt.
 */
export const invoiceChanged: EventHandler<InvoiceEvent> = async (event, { db, dojoId, stripe }) => {
  const sent = event.data.object;
  if (!sent.id || !sent.parent?.subscription_details) return "ignored";
  const read = await readStripeInvoice(db, stripe, dojoId, sent.id);
  return async (tx, afterCommit) => {
    const synced = await applyStripeInvoice(tx, dojoId, read, { afterCommit });
    if (!synced) return "ignored";
    // Queued with the invoice (a paid one's receipt already is): a rolled-back attempt never mails.
    await queueUnpaidInvoiceMail(tx, dojoId, synced);
    return "processed";
  };
};
