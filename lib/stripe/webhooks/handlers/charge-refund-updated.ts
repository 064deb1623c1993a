import type Stripe from "stripe";
import { isAutomaticRefund } from "@/lib/payments/automatic-refunds/automatic-refund-metadata";
import { markAutomaticRefundFailed } from "@/lib/payments/automatic-refunds/perform-automatic-refund";
import { reverseFailedRefund } from "@/lib/payments/refunds/reverse-failed-refund";
import type { EventHandler } from "../types";

// A refund that went out can still come back: cards fail after `succeeded`, other methods can
// be canceled while pending (https://docs.stripe.com/refunds#failed-refunds). Both are final.
const UNDONE: ReadonlySet<string | null> = new Set(["failed", "canceled"]);

/**
 * A refund changed at Stripe. Only one change matters to the books: a refund Tatami booked that
 * failed or was canceled is booked back (once, whatever the number of deliveries). An automatic
 * refund was never booked: it is marked failed, so the invoice shows staff the money is still here.
 * A refund the event shows failed or canceled is trusted as sent (final); any other snapshot is
 * read again, so a late `succeeded → pending` one cannot undo anything and a failure it missed is seen.
 */
export const chargeRefundUpdated: EventHandler<Stripe.ChargeRefundUpdatedEvent> = async (event, { dojoId, stripe }) => {
  const sent = event.data.object;
  const refund = UNDONE.has(sent.status) ? sent : await stripe.refunds.retrieve(sent.id);
  const status = refund.status;
  if (!status || !UNDONE.has(status)) return "ignored";
  if (isAutomaticRefund(refund)) return async (tx) => ((await markAutomaticRefundFailed(tx, { stripeRefundId: refund.id }, refund.failure_reason ?? status)) ? "processed" : "ignored");
  return async (tx) => {
    const reversed = await reverseFailedRefund(tx, { dojoId, stripeRefundId: refund.id, status, failureReason: refund.failure_reason });
    return reversed?.created ? "processed" : "ignored";
  };
};
