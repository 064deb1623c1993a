import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { shopOrders, type ShopOrder } from "@/db/schema";
import { AppError, NotFoundError, refused } from "@/lib/errors";
import { voidInvoice } from "@/lib/invoices/void-invoice";
import { recordRefund } from "@/lib/payments/refunds/record-refund";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isStripeError } from "@/lib/stripe/errors";
import { idSchema } from "@/lib/validation/common";
import { awaitsConfirmation, confirmLockedOrder } from "./at-dojo-orders";
import { returnStock } from "./place-order";
import { ORDER_CANCEL_REASONS } from "./cancel-reasons";

async function lockOrder(tx: Tx, dojoId: string, orderId: string): Promise<ShopOrder> {
  if (!idSchema.safeParse(orderId).success) throw new NotFoundError("Order");
  const [order] = await tx.select().from(shopOrders).where(and(eq(shopOrders.id, orderId), eq(shopOrders.dojoId, dojoId))).for("update");
  if (!order) throw new NotFoundError("Order");
  return order;
}

/**
 * Handed over to the buyer. An unpaid pay-at-the-dojo order is fulfilled too (paid at the desk);
 * handing over confirms it, so it gets its invoice then if it had none.
 */
export async function fulfilOrder(db: Db, dojoId: string, orderId: string): Promise<ShopOrder> {
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, dojoId, orderId);
    if (order.status === "fulfilled") return order;
    if (order.status === "cancelled") throw refused("shop.fulfil_cancelled");
    if (order.status === "pending" && order.payment === "card") throw refused("shop.fulfil_awaiting_card");
    if (awaitsConfirmation(order)) await confirmLockedOrder(tx, order);
    const [done] = await tx.update(shopOrders).set({ status: "fulfilled", fulfilledAt: new Date() }).where(eq(shopOrders.id, order.id)).returning();
    return done;
  });
}

/**
 * Cancels an order and gives its items back to the stock. A card-paid order is refunded in full
 * through Stripe first (idempotency key from the order, so a second click never refunds twice)
 * and the refund recorded (negative revenue entry); an open pay-at-the-dojo invoice is voided;
 * a running Checkout is expired so it can no longer be paid.
 */
export async function cancelOrder(db: Db, dojoId: string, orderId: string, staffId: string, opts: { mayRefund: boolean } = { mayRefund: true }): Promise<ShopOrder> {
  const [current] = await db.select().from(shopOrders).where(and(eq(shopOrders.id, idSchema.safeParse(orderId).success ? orderId : "00000000-0000-0000-0000-000000000000"), eq(shopOrders.dojoId, dojoId)));
  if (!current) throw new NotFoundError("Order");
  if (current.status === "cancelled") return current;
  const needsRefund = current.payment === "card" && (current.status === "paid" || current.status === "fulfilled") && current.stripePaymentIntentId;
  // Cancelling a paid card order gives the money back: the same people who refund invoices.
  if (needsRefund && !opts.mayRefund) throw refused("shop.cancel_needs_refund_permission");
  let refund: { id: string; amount: number; currency: string; created: number } | null = null;
  if (needsRefund || (current.status === "pending" && current.stripeSessionId)) {
    const { stripe } = await stripeForDojo(db, dojoId);
    try {
      if (needsRefund) {
        refund = await stripe.refunds.create(
          { payment_intent: current.stripePaymentIntentId!, metadata: { tatami_dojo_id: dojoId, tatami_order_id: current.id } },
          { idempotencyKey: `shop-order-cancel-refund-${current.id}` },
        );
      } else {
        const session = await stripe.checkout.sessions.retrieve(current.stripeSessionId!);
        if (session.status === "complete") throw refused("shop.paid_meanwhile");
        if (session.status === "open") await stripe.checkout.sessions.expire(session.id, {}, { idempotencyKey: `shop-order-expire-${current.id}` });
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      console.error("Stripe refused while cancelling a webshop order", error);
      throw refused("shop.cancel_stripe_refused", { stripeMessage: isStripeError(error) ? error.message : null });
    }
  }
  return db.transaction(async (tx) => {
    const order = await lockOrder(tx, dojoId, orderId);
    if (order.status === "cancelled") return order;
    if (refund) {
      await recordRefund(tx, { dojoId, stripePaymentIntentId: order.stripePaymentIntentId!, stripeRefundId: refund.id, amountMinor: refund.amount, currency: refund.currency, refundedAt: new Date(refund.created * 1000), reason: `Webshop order #${order.number} cancelled`, createdBy: staffId });
    } else if (order.invoiceId && order.payment === "at_dojo") {
      await voidInvoice(tx, dojoId, order.invoiceId, `Webshop order #${order.number} cancelled`);
    }
    if (order.stockTaken) await returnStock(tx, order.id);
    const [cancelled] = await tx
      .update(shopOrders)
      .set({ status: "cancelled", cancelledAt: new Date(), cancelReason: refund ? ORDER_CANCEL_REASONS.byDojoRefunded : ORDER_CANCEL_REASONS.byDojo, stockTaken: false, refundedMinor: refund?.amount ?? 0, reservedUntil: null })
      .where(eq(shopOrders.id, order.id))
      .returning();
    return cancelled;
  });
}
