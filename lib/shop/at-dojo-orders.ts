import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { shopOrderLines, shopOrders, type ShopOrder } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";
import { SHOP_RESERVATION_EXPIRY_JOB } from "@/lib/jobs/kinds";
import { enqueueJob } from "@/lib/jobs/queue";
import { idSchema } from "@/lib/validation/common";
import { createOrderInvoice } from "./order-invoice";
import { returnStock } from "./place-order";
import { ORDER_CANCEL_REASONS } from "./cancel-reasons";

/*
 * A pay-at-the-dojo order needs nobody to pay anything, so it only holds its items for the
 * dojo's reservation days (Webshop → Settings) and has no invoice yet. Staff confirm it (or hand
 * it over), which issues the invoice with the next gapless number; an order nobody confirmed is
 * cancelled by a job when its reservation ends, and its items go back on sale.
 */

export const RESERVATION_EXPIRED_REASON = ORDER_CANCEL_REASONS.notConfirmed;

/** An unpaid pay-at-the-dojo order staff have not confirmed yet. */
export const awaitsConfirmation = (order: Pick<ShopOrder, "status" | "payment" | "confirmedAt">) => order.status === "pending" && order.payment === "at_dojo" && order.confirmedAt === null;

/** Queued with the order, in its transaction: the reservation ends at `reservedUntil`. */
export async function scheduleReservationExpiry(tx: Tx, order: Pick<ShopOrder, "id" | "dojoId" | "reservedUntil">): Promise<void> {
  await enqueueJob(tx, {
    kind: SHOP_RESERVATION_EXPIRY_JOB,
    payload: { dojoId: order.dojoId, orderId: order.id },
    dojoId: order.dojoId,
    runAt: order.reservedUntil ?? new Date(),
    dedupeKey: `shop-reservation:${order.id}`,
  });
}

/**
 * The job: cancels the order and returns its stock if it still awaits confirmation and its
 * reservation has ended. A confirmed, cancelled or handed-over order is left as it is.
 */
export async function expireReservation(db: Db, dojoId: string, orderId: string, now = new Date()): Promise<ShopOrder | null> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(shopOrders).where(and(eq(shopOrders.id, orderId), eq(shopOrders.dojoId, dojoId))).for("update");
    if (!order || !awaitsConfirmation(order) || !order.reservedUntil || order.reservedUntil > now) return null;
    if (order.stockTaken) await returnStock(tx, order.id);
    const [cancelled] = await tx
      .update(shopOrders)
      .set({ status: "cancelled", cancelledAt: now, cancelReason: RESERVATION_EXPIRED_REASON, stockTaken: false, reservedUntil: null })
      .where(eq(shopOrders.id, order.id))
      .returning();
    return cancelled;
  });
}

/** Issues the invoice of a locked order that awaits confirmation; the reservation no longer ends. */
export async function confirmLockedOrder(tx: Tx, order: ShopOrder): Promise<ShopOrder> {
  const lines = await tx.select().from(shopOrderLines).where(eq(shopOrderLines.orderId, order.id)).orderBy(asc(shopOrderLines.position));
  const invoice = await createOrderInvoice(tx, order, lines);
  const [confirmed] = await tx.update(shopOrders).set({ confirmedAt: new Date(), invoiceId: invoice.id, reservedUntil: null }).where(eq(shopOrders.id, order.id)).returning();
  return confirmed;
}

/** Staff confirm a pay-at-the-dojo order: it gets its invoice (the next number) and is kept until paid. */
export async function confirmOrder(db: Db, dojoId: string, orderId: string): Promise<ShopOrder> {
  if (!idSchema.safeParse(orderId).success) throw new NotFoundError("Order");
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(shopOrders).where(and(eq(shopOrders.id, orderId), eq(shopOrders.dojoId, dojoId))).for("update");
    if (!order) throw new NotFoundError("Order");
    if (order.payment !== "at_dojo") throw refused("shop.confirm_card_order");
    if (order.status === "cancelled") throw refused("shop.confirm_cancelled_order");
    if (!awaitsConfirmation(order)) return order;
    return confirmLockedOrder(tx, order);
  });
}
