import type Stripe from "stripe";
import type { WebhookHandler } from "@/lib/stripe/webhooks/types";
import { notifyUnpaidInvoice } from "./mails";
import { syncStripeInvoice } from "./sync-invoice";

/**
 * What invoice.paid, invoice.payment_failed and invoice.payment_action_required share: the
 * event only says which Stripe invoice changed; its current state decides (so the events may
 * come twice, late or in any order), and an unpaid attempt mails the member once per attempt.
 */
export const applyInvoiceEvent: WebhookHandler = async (tx, { dojoId, stripe, event, afterCommit }) => {
  const sent = event.data.object as Stripe.Invoice;
  if (!sent.id || !sent.parent?.subscription_details) return "ignored";
  const synced = await syncStripeInvoice(tx, stripe, dojoId, sent.id, afterCommit);
  if (!synced) return "ignored";
  // The mail goes once the invoice is committed, so a rolled-back attempt never mails.
  afterCommit?.((db) => notifyUnpaidInvoice(db, dojoId, synced));
  return "processed";
};
