import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { ActionError } from "@/lib/action-result";
import { transactionThen } from "@/lib/after-commit";
import { automaticRefundWhy } from "@/lib/payments/automatic-refunds/describe-automatic-refund";
import { formatMoney } from "@/lib/money";
import { retrieveCheckoutSession } from "./retrieve";
import { settleCardPayment } from "./settle-card-payment";

/**
 * Settles a succeeded PaymentIntent of an invoice that the browser (Checkout, a saved card after
 * 3-D Secure) or Tatami itself has just read from Stripe: recorded (its receipt queued with it),
 * or refunded automatically, and says which for the person waiting.
 */
export async function settleConfirmedPayment(db: Db, dojoId: string, pi: Stripe.PaymentIntent, recordedBy: string | null) {
  const { invoiceId, settlement } = await transactionThen(db, (tx, afterCommit) => settleCardPayment(tx, dojoId, pi, { recordedBy, afterCommit }));
  if (!invoiceId || !settlement) throw new ActionError("Stripe has not confirmed this payment yet. Reload the page in a moment.");
  const refund = settlement.automaticRefund;
  return {
    settlement,
    refund: refund ? { amount: formatMoney(refund.amountMinor, refund.currency), why: automaticRefundWhy(refund.reason) } : null,
  };
}

/**
 * Sessions found paid while Tatami was closing them (expireCheckouts): settled now, before anything
 * new is charged or opened for the invoice, rather than when their webhook comes.
 */
export async function settlePaidSessions(db: Db, stripe: Stripe, dojoId: string, sessionIds: string[], recordedBy: string | null): Promise<void> {
  for (const id of sessionIds) {
    const session = await retrieveCheckoutSession(stripe, id);
    const pi = session.payment_intent;
    if (session.payment_status === "paid" && pi && typeof pi === "object" && pi.status === "succeeded") await settleConfirmedPayment(db, dojoId, pi, recordedBy);
  }
}
