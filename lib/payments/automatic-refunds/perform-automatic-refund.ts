import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db/client";
import { automaticRefunds, type AutomaticRefund } from "@/db/schema";
import { BOOKED_REFUND_STATUSES } from "@/lib/payments/refunds/record-refund";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isAuthenticationError, isPermissionError, isStripeError, isTransientStripeError } from "@/lib/stripe/errors";
import { queueAutomaticRefundMail } from "./automatic-refund-mail";
import { AUTOMATIC_REFUND_METADATA_KEY } from "./automatic-refund-metadata";

/**
 * Gives up on an automatic refund: Stripe refused it for good, every retry failed, or (through
 * charge.refund.updated) a refund Stripe had accepted failed later. The invoice shows it to staff
 * with the reason, who then refund by hand. Returns the row when this call changed it.
 */
export async function markAutomaticRefundFailed(db: DbOrTx, where: { id: string } | { stripeRefundId: string }, error: string): Promise<AutomaticRefund | null> {
  // By id: the refund was never made, so only a pending one; by Stripe's refund id: it was made and failed later.
  const match = "id" in where ? and(eq(automaticRefunds.id, where.id), eq(automaticRefunds.status, "pending")) : and(eq(automaticRefunds.stripeRefundId, where.stripeRefundId), ne(automaticRefunds.status, "failed"));
  const [failed] = await db.update(automaticRefunds).set({ status: "failed", lastError: error.slice(0, 500) }).where(match).returning();
  return failed ?? null;
}

/**
 * Makes the refund Tatami decided on (recordAutomaticRefund), once: the idempotency key is derived
 * from the PaymentIntent, so the follow-up after the commit, the job and any concurrent path all
 * get the same Stripe refund. A temporary Stripe failure throws (the job tries again); a refusal
 * marks it failed. The payer's mail is queued when this call made it so.
 */
export async function performAutomaticRefund(db: Db, automaticRefundId: string): Promise<AutomaticRefund | null> {
  const [row] = await db.select().from(automaticRefunds).where(eq(automaticRefunds.id, automaticRefundId));
  if (!row || row.status !== "pending") return row ?? null;
  const { stripe } = await stripeForDojo(db, row.dojoId);
  let refund: Stripe.Refund;
  try {
    refund = await stripe.refunds.create(
      {
        payment_intent: row.stripePaymentIntentId,
        amount: row.amountMinor,
        // https://docs.stripe.com/api/refunds/create: "duplicate" is Stripe's own word for a payment made twice.
        ...(row.reason === "already_paid" ? { reason: "duplicate" as const } : {}),
        metadata: {
          tatami_dojo_id: row.dojoId,
          [AUTOMATIC_REFUND_METADATA_KEY]: row.id,
          ...(row.invoiceId ? { tatami_invoice_id: row.invoiceId } : {}),
          ...(row.orderId ? { tatami_order_id: row.orderId } : {}),
        },
      },
      { idempotencyKey: `automatic-refund-${row.stripePaymentIntentId}` },
    );
  } catch (error) {
    if (!isStripeError(error) || isTransientStripeError(error) || isAuthenticationError(error) || isPermissionError(error)) throw error;
    // Stripe refuses this refund whatever we do (e.g. the charge was refunded in the dashboard).
    return markAutomaticRefundFailed(db, { id: row.id }, error.message);
  }
  if (!BOOKED_REFUND_STATUSES.has(refund.status)) return markAutomaticRefundFailed(db, { id: row.id }, refund.failure_reason ?? refund.status ?? "failed");
  // The payer's mail is queued with the change that makes it true, so it goes out exactly once.
  const done = await db.transaction(async (tx) => {
    const [made] = await tx
      .update(automaticRefunds)
      .set({ status: "refunded", stripeRefundId: refund.id, refundedAt: new Date(refund.created * 1000), lastError: null })
      .where(and(eq(automaticRefunds.id, row.id), eq(automaticRefunds.status, "pending")))
      .returning();
    if (made) await queueAutomaticRefundMail(tx, made);
    return made;
  });
  return done ?? row;
}
