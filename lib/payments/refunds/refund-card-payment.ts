import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { payments } from "@/db/schema";
import { invalidInput, NotFoundError, refused } from "@/lib/errors";
import { parseAmount } from "@/lib/money";
import { stripeForDojo } from "@/lib/stripe/connection";
import { idSchema } from "@/lib/validation/common";
import { BOOKED_REFUND_STATUSES, recordRefund, refundedFor, type RecordedRefund } from "./record-refund";
import { refundFailure } from "./refund-failure";
import type { RefundPaymentInput } from "./schemas";


/**
 * Staff give back all or part of a card payment. Checked against what is still refundable,
 * sent to Stripe with an idempotency key derived from the dialog's nonce (a retried click
 * replays the same refund), then recorded through recordRefund in one transaction, which the
 * charge.refunded webhook for the same refund finds already done.
 */
export async function refundCardPayment(db: Db, ctx: { dojoId: string; staffId: string }, input: RefundPaymentInput): Promise<RecordedRefund> {
  if (!idSchema.safeParse(input.paymentId).success) throw new NotFoundError("Payment");
  const [payment] = await db.select().from(payments).where(and(eq(payments.id, input.paymentId), eq(payments.dojoId, ctx.dojoId)));
  if (!payment) throw new NotFoundError("Payment");
  if (payment.method !== "card" || !payment.stripePaymentIntentId) throw refused("refund.not_card");

  const amount = parseAmount(input.amount, payment.currency);
  if (!amount.ok) throw invalidInput("refund.amount", { problem: amount.message });
  if (amount.minor <= 0) throw invalidInput("refund.amount_not_positive");
  const refundable = payment.amountMinor - (await refundedFor(db, payment.id));
  if (refundable <= 0) throw refused("refund.refunded_in_full");
  if (amount.minor > refundable) throw invalidInput("refund.more_than_refundable", { refundableMinor: refundable, currency: payment.currency });

  const { stripe } = await stripeForDojo(db, ctx.dojoId);
  let refund: Stripe.Refund;
  try {
    refund = await stripe.refunds.create(
      {
        payment_intent: payment.stripePaymentIntentId,
        amount: amount.minor,
        // Read back by the charge.refunded handler when the webhook records this refund first.
        metadata: { tatami_dojo_id: ctx.dojoId, tatami_payment_id: payment.id, tatami_reason: input.reason },
      },
      { idempotencyKey: `refund-${payment.id}-${input.nonce}` },
    );
  } catch (error) {
    throw refundFailure(error);
  }
  if (!BOOKED_REFUND_STATUSES.has(refund.status)) {
    throw refused("refund.stripe_failed", { why: refund.failure_reason ?? refund.status ?? "unknown reason" });
  }

  const recorded = await db.transaction((tx) =>
    recordRefund(tx, {
      dojoId: ctx.dojoId,
      stripePaymentIntentId: payment.stripePaymentIntentId!,
      stripeRefundId: refund.id,
      amountMinor: refund.amount,
      currency: refund.currency,
      refundedAt: new Date(refund.created * 1000),
      reason: input.reason,
      createdBy: ctx.staffId,
    }),
  );
  if (!recorded) throw new NotFoundError("Payment");
  return recorded;
}
