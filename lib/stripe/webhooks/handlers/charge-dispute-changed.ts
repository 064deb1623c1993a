import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { payments } from "@/db/schema";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { retrievePaymentIntent } from "@/lib/payments/card/retrieve";
import { settleCardPaymentFromEvent } from "@/lib/payments/card/settle-card-payment";
import { recordDisputeLoss } from "@/lib/payments/disputes/record-dispute-loss";
import { orderIdFor } from "@/lib/shop/metadata";
import { idOf } from "@/lib/stripe/objects";
import type { EventHandler } from "../types";

type DisputeEvent = Stripe.ChargeDisputeCreatedEvent | Stripe.ChargeDisputeClosedEvent;

/**
 * A payer's bank took a payment back. Only a lost dispute changes the books, and `lost` is final, so
 * the signed event is trusted as sent: a SEPA Direct Debit dispute is lost when it is created ("all
 * SEPA Direct Debit disputes are final and there is no appeals process",
 * https://support.stripe.com/questions/sepa-direct-debit-payment-disputes), a card dispute when it
 * closes as lost (charge.dispute.closed; https://docs.stripe.com/disputes/how-disputes-work). An open
 * card dispute (needs_response, under_review) or one the dojo won books nothing: the revenue stays
 * until Stripe decides, and is reversed then, once, whichever event says so.
 * The dispute may arrive before the payment was recorded (events come out of order): an invoice's
 * payment is then recorded first, the same way as by its own events, so there is something to reverse.
 */
export const chargeDisputeChanged: EventHandler<DisputeEvent> = async (event, { db, dojoId, stripe }) => {
  const dispute = event.data.object;
  if (dispute.status !== "lost") return "ignored";
  const paymentIntentId = idOf(dispute.payment_intent);
  if (!paymentIntentId) return "ignored";
  const loss = {
    dojoId,
    stripePaymentIntentId: paymentIntentId,
    stripeDisputeId: dispute.id,
    amountMinor: dispute.amount,
    currency: dispute.currency,
    reason: dispute.reason,
    lostAt: new Date(event.created * 1000),
  };
  const [recorded] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.dojoId, dojoId), eq(payments.stripePaymentIntentId, paymentIntentId)));
  let pi: Stripe.PaymentIntent | null = null;
  if (!recorded) {
    pi = await retrievePaymentIntent(stripe, paymentIntentId);
    if (orderIdFor(pi.metadata, dojoId)) throw new Error(`Dispute ${dispute.id} is for a webshop order not recorded yet; it is applied on Stripe's next attempt.`);
    if (!invoiceIdFor(pi.metadata, dojoId)) return "ignored";
  }
  return async (tx, afterCommit) => {
    if (pi) await settleCardPaymentFromEvent(tx, dojoId, pi, { afterCommit });
    const result = await recordDisputeLoss(tx, loss);
    return result?.created ? "processed" : "ignored";
  };
};
