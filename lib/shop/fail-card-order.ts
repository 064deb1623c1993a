import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { shopOrders, type ShopOrder } from "@/db/schema";
import { idSchema } from "@/lib/validation/common";
import { orderIdFor } from "./metadata";
import { returnStock } from "./place-order";
import { ORDER_CANCEL_REASONS } from "./cancel-reasons";

/**
 * A card order whose delayed payment failed (checkout.session.async_payment_failed), with the
 * session just read from Stripe: nothing was charged, so nothing is booked; the order is
 * cancelled and its items stop being held. An order that is paid or already closed is left
 * alone, as is a session Stripe says is paid (a stale event). Null when it is not one of this
 * dojo's pending card orders.
 */
export async function failCardOrder(tx: Tx, dojoId: string, session: Stripe.Checkout.Session): Promise<ShopOrder | null> {
  const orderId = orderIdFor(session.metadata, dojoId);
  if (!orderId || !idSchema.safeParse(orderId).success || session.payment_status === "paid") return null;
  const [order] = await tx.select().from(shopOrders).where(and(eq(shopOrders.id, orderId), eq(shopOrders.dojoId, dojoId))).for("update");
  if (!order || order.payment !== "card" || order.status !== "pending" || (order.stripeSessionId && order.stripeSessionId !== session.id)) return null;
  // Items taken while a SEPA debit was processing go back to stock.
  if (order.stockTaken) await returnStock(tx, order.id);
  const [failed] = await tx
    .update(shopOrders)
    .set({ status: "cancelled", cancelledAt: new Date(), cancelReason: ORDER_CANCEL_REASONS.paymentFailed, reservedUntil: null, stockTaken: false })
    .where(eq(shopOrders.id, order.id))
    .returning();
  return failed;
}
