import type Stripe from "stripe";
import type { WebhookHandler } from "@/lib/stripe/webhooks/types";
import { syncStripeInvoice } from "./sync-invoice";
import { queueUnpaidInvoiceMail } from "./unpaid-invoice-mail";

/**
 * What invoice.paid, invoice.payment_failed and invoice.payment_action_required share: the
 * event only says which Stripe invoice changed; its current state decides (so the events may
 * come twice, late or in any order), and an unpaid attempt mails the member once per attempt.
 */
export const applyInvoiceEvent: WebhookHandler = async (tx, { dojoId, stripe, event, afterCommit }) => {
  const sent = event.data.object as Stripe.Invoice;
  if (!sent.id || !sent.parent?.subscription_details) return "ignored";
  const synced = await syncStripeInvoice(tx, stripe, dojoId, sent.id, { afterCommit });
  if (!synced) return "ignored";
  // Queued with the invoice (a paid one's receipt already is): a rolled-back attempt never mails.
  await queueUnpaidInvoiceMail(tx, dojoId, synced);
  return "processed";
};
