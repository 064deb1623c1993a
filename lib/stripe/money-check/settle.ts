import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { invoices, payments } from "@/db/schema";
import { NotFoundError, refused, type NotFound } from "@/lib/errors";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { settleConfirmedPayment } from "@/lib/payments/card/settle-confirmed-payment";
import { retrievePaymentIntent } from "@/lib/payments/card/retrieve";
import { BOOKED_REFUND_STATUSES, recordRefund } from "@/lib/payments/refunds/record-refund";
import { reverseFailedRefund } from "@/lib/payments/refunds/reverse-failed-refund";
import { orderIdFor } from "@/lib/shop/metadata";
import { confirmOrderReturn } from "@/lib/shop/settle-card-order";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isMissingInStripe, isStripeError } from "@/lib/stripe/errors";
import { syncStripeInvoice } from "@/lib/subscriptions/sync-invoice";
import { latestMoneyCheck } from "./check";
import type { SettleAction } from "./types";
import { idOf } from "@/lib/stripe/objects";

/**
 * Only what the dojo's latest check lists, with that action, is acted on: the ids come from the
 * browser, and this must never become a way to refund any charge of the account. False when it
 * is not (or no longer) listed, i.e. settled already.
 */
export async function isListed(db: Db, dojoId: string, stripeId: string, action: SettleAction): Promise<boolean> {
  const latest = await latestMoneyCheck(db, dojoId);
  return !!latest?.differences.some((d) => d.stripeId === stripeId && d.actions.includes(action));
}

async function read<T>(what: NotFound, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isMissingInStripe(error)) throw new NotFoundError(what);
    throw error;
  }
}

/** "Record it": a refund (or its failure) through the refund paths, a payment through the recording path of what it pays. */
export async function recordInTatami(db: Db, ctx: { dojoId: string; staffId: string }, stripeId: string): Promise<void> {
  const { stripe } = await stripeForDojo(db, ctx.dojoId);
  if (stripeId.startsWith("re_")) return recordStripeRefund(db, stripe, ctx, await read("Refund", () => stripe.refunds.retrieve(stripeId)));
  const pi = await read("Payment", () => retrievePaymentIntent(stripe, stripeId));
  if (pi.status !== "succeeded") throw refused("money_check.not_captured");

  if (invoiceIdFor(pi.metadata, ctx.dojoId)) {
    await settleConfirmedPayment(db, ctx.dojoId, pi, ctx.staffId);
    return;
  }
  const orderId = orderIdFor(pi.metadata, ctx.dojoId);
  if (orderId) {
    const [session] = (await stripe.checkout.sessions.list({ payment_intent: pi.id, limit: 1 })).data;
    if (!session) throw refused("money_check.no_shop_session");
    // The webshop's own settling: paid order, or refunded when its items are gone.
    await confirmOrderReturn(db, ctx.dojoId, orderId, session.id);
    return;
  }
  // A subscription's payment: the Stripe invoice it paid, mirrored like the invoice webhooks do.
  const [paid] = (await stripe.invoicePayments.list({ payment: { type: "payment_intent", payment_intent: pi.id }, limit: 1 })).data;
  const invoiceId = idOf(paid?.invoice);
  const synced = invoiceId ? await db.transaction((tx) => syncStripeInvoice(tx, stripe, ctx.dojoId, invoiceId)) : null;
  if (!synced) throw refused("money_check.unknown_invoice");
}

async function recordStripeRefund(db: Db, stripe: Stripe, ctx: { dojoId: string; staffId: string }, refund: Stripe.Refund): Promise<void> {
  const paymentIntentId = idOf(refund.payment_intent);
  if (!paymentIntentId) throw refused("money_check.refund_not_recorded_payment");
  const done = BOOKED_REFUND_STATUSES.has(refund.status)
    ? await db.transaction((tx) =>
        recordRefund(tx, {
          dojoId: ctx.dojoId,
          stripePaymentIntentId: paymentIntentId,
          stripeRefundId: refund.id,
          amountMinor: refund.amount,
          currency: refund.currency,
          refundedAt: new Date(refund.created * 1000),
          reason: refund.metadata?.tatami_reason || "Refunded in Stripe",
          createdBy: ctx.staffId,
        }),
      )
    : await db.transaction((tx) => reverseFailedRefund(tx, { dojoId: ctx.dojoId, stripeRefundId: refund.id, status: refund.status ?? "failed", failureReason: refund.failure_reason }));
  if (!done) throw refused("money_check.refund_not_recorded_payment");
}

/**
 * "Refund it": gives back a payment Stripe captured and Tatami never recorded — all of what is
 * left of it. Keyed by the PaymentIntent, so a second click or a retry refunds nothing more.
 * A recorded payment is refunded from its invoice instead (that path books the refund).
 */
export async function refundAtStripe(db: Db, dojoId: string, paymentIntentId: string): Promise<void> {
  const [recorded] = await db
    .select({ number: invoices.number })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(and(eq(payments.dojoId, dojoId), eq(payments.stripePaymentIntentId, paymentIntentId)));
  if (recorded) throw refused("money_check.payment_on_invoice", { invoiceNumber: recorded.number });
  const { stripe } = await stripeForDojo(db, dojoId);
  try {
    await stripe.refunds.create(
      { payment_intent: paymentIntentId, metadata: { tatami_dojo_id: dojoId, tatami_reason: "Not recorded in Tatami (money check)" } },
      { idempotencyKey: `money-check-refund-${paymentIntentId}` },
    );
  } catch (error) {
    // Refunded in full meanwhile (in the dashboard, say): what this action wanted is done.
    if (isStripeError(error) && error.code === "charge_already_refunded") return;
    if (isMissingInStripe(error)) throw new NotFoundError("Payment");
    throw error;
  }
}
