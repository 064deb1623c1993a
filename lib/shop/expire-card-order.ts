import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { shopOrders, type ShopOrder } from "@/db/schema";
import { idSchema } from "@/lib/validation/common";
import { orderIdFor } from "./metadata";
import { returnStock } from "./place-order";
import { ORDER_CANCEL_REASONS } from "./cancel-reasons";

export const EXPIRED_ORDER_REASON = ORDER_CANCEL_REASONS.paymentExpired;

/**
 * Stripe expired the Checkout Session of a card order (checkout.session.expired): nobody paid,
 * so the order is cancelled and what it held is released — its reservation ends with it, and
 * stock it had taken goes back. Once: an order that is no longer pending (paid meanwhile,
 * cancelled by staff, or expired before) is left as it is. Null when the session is not a
 * pending card order of this dojo.
 */
export async function expireCardOrder(tx: Tx, dojoId: string, session: Stripe.Checkout.Session): Promise<ShopOrder | null> {
  const orderId = orderIdFor(session.metadata, dojoId);
  if (!orderId || !idSchema.safeParse(orderId).success) return null;
  const [order] = await tx.select().from(shopOrders).where(and(eq(shopOrders.id, orderId), eq(shopOrders.dojoId, dojoId))).for("update");
  if (!order || order.payment !== "card" || order.status !== "pending") return null;
  if (order.stripeSessionId && order.stripeSessionId !== session.id) return null;
  if (order.stockTaken) await returnStock(tx, order.id);
  const [cancelled] = await tx
    .update(shopOrders)
    .set({ status: "cancelled", cancelledAt: new Date(), cancelReason: EXPIRED_ORDER_REASON, reservedUntil: null, stockTaken: false })
    .where(eq(shopOrders.id, order.id))
    .returning();
  return cancelled;
}
