import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { refused } from "@/lib/errors";
import { transactionThen } from "@/lib/after-commit";
import { automaticRefundWhy } from "@/lib/payments/automatic-refunds/describe-automatic-refund";
import { formatMoney } from "@/lib/money";
import type { AutomaticRefundReason } from "@/db/schema";
import { retrieveCheckoutSession } from "./retrieve";
import { settleCardPayment } from "./settle-card-payment";

/** A payment refunded automatically, told to the person waiting: in words (staff) and as parts to say in a member's language. */
export interface RefundNotice {
  amount: string;
  why: string;
  reason: AutomaticRefundReason;
  amountMinor: number;
  currency: string;
}

/**
 * Settles a succeeded PaymentIntent of an invoice that the browser (Checkout, a saved card after
 * 3-D Secure) or Tatami itself has just read from Stripe: recorded (its receipt queued with it),
 * or refunded automatically, and says which for the person waiting.
 */
export async function settleConfirmedPayment(db: Db, dojoId: string, pi: Stripe.PaymentIntent, recordedBy: string | null) {
  const { invoiceId, settlement } = await transactionThen(db, (tx, afterCommit) => settleCardPayment(tx, dojoId, pi, { recordedBy, afterCommit }));
  if (!invoiceId || !settlement) throw refused("card_payment.not_confirmed_yet");
  const refund = settlement.automaticRefund;
  const notice: RefundNotice | null = refund ? { amount: formatMoney(refund.amountMinor, refund.currency), why: automaticRefundWhy(refund.reason), reason: refund.reason, amountMinor: refund.amountMinor, currency: refund.currency } : null;
  return { settlement, refund: notice };
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
