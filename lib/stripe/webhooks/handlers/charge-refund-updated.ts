import type Stripe from "stripe";
import { isAutomaticRefund } from "@/lib/payments/automatic-refunds/automatic-refund-metadata";
import { markAutomaticRefundFailed } from "@/lib/payments/automatic-refunds/perform-automatic-refund";
import { reverseFailedRefund } from "@/lib/payments/refunds/reverse-failed-refund";
import type { WebhookHandler } from "../types";

// A refund that went out can still come back: cards fail after `succeeded`, other methods can
// be canceled while pending (https://docs.stripe.com/refunds#failed-refunds).
const UNDONE: ReadonlySet<string | null> = new Set(["failed", "canceled"]);

/**
 * A refund changed at Stripe. Only one change matters to the books: a refund Tatami booked that
 * failed or was canceled is booked back (once, whatever the number of deliveries). An automatic
 * refund was never booked: it is marked failed, so the invoice shows staff the money is still here.
 * The refund is re-read, so a late `succeeded → pending` snapshot cannot undo anything.
 */
export const chargeRefundUpdated: WebhookHandler = async (tx, { dojoId, stripe, event }) => {
  const sent = event.data.object as Stripe.Refund;
  const refund = await stripe.refunds.retrieve(sent.id);
  if (!UNDONE.has(refund.status)) return "ignored";
  if (isAutomaticRefund(refund)) return (await markAutomaticRefundFailed(tx, { stripeRefundId: refund.id }, refund.failure_reason ?? refund.status!)) ? "processed" : "ignored";
  const reversed = await reverseFailedRefund(tx, { dojoId, stripeRefundId: refund.id, status: refund.status!, failureReason: refund.failure_reason });
  return reversed?.created ? "processed" : "ignored";
};
