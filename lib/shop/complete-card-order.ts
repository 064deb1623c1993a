import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { shopOrderLines, shopOrders, type ShopOrder } from "@/db/schema";
import { recordPayment } from "@/lib/payments/record-payment";
import { idSchema } from "@/lib/validation/common";
import { orderIdFor } from "./metadata";
import { queueOrderMails } from "./order-mails";
import { createOrderInvoice } from "./order-invoice";
import { takeStock } from "./place-order";

export type CardOrderOutcome =
  /** Recorded now (recorded: true) or before, by the browser return or a webhook. */
  | { kind: "paid"; order: ShopOrder; recorded: boolean }
  | { kind: "unpaid"; order: ShopOrder; expired: boolean }
  /** Paid, but the items are gone (cancelled meanwhile, or the reservation ran out and others bought them): refund. */
  | { kind: "refund"; order: ShopOrder; paymentIntentId: string; amountMinor: number };

const idOf = (value: string | { id: string } | null): string | null => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * Settles a card order from a Checkout Session just read from Stripe (payment_intent expanded
 * with latest_charge). Called by the buyer's return to the shop and by the
 * checkout.session.completed webhook, whichever comes first; the order's row lock makes the
 * second one find the order paid. Once: stock goes down, a paid invoice (source "webshop") is
 * issued, the payment recorded through recordPayment (one revenue entry) and the order mails
 * queued. Null when the
 * session is not one of this dojo's orders.
 */
export async function completeCardOrder(tx: Tx, dojoId: string, session: Stripe.Checkout.Session): Promise<CardOrderOutcome | null> {
  const orderId = orderIdFor(session.metadata, dojoId);
  if (!orderId || !idSchema.safeParse(orderId).success) return null;
  const [order] = await tx.select().from(shopOrders).where(and(eq(shopOrders.id, orderId), eq(shopOrders.dojoId, dojoId))).for("update");
  if (!order || order.payment !== "card" || (order.stripeSessionId && order.stripeSessionId !== session.id)) return null;

  const pi = session.payment_intent && typeof session.payment_intent === "object" ? session.payment_intent : null;
  if (session.payment_status !== "paid" || !pi || pi.status !== "succeeded") return { kind: "unpaid", order, expired: session.status === "expired" };
  if (order.status === "paid" || order.status === "fulfilled") return { kind: "paid", order, recorded: false };
  const refund = { kind: "refund" as const, paymentIntentId: pi.id, amountMinor: pi.amount_received };
  if (order.status === "cancelled") return { ...refund, order };
  // Stripe charged what the order says (its line items are the order's); anything else is refunded.
  if (pi.amount_received !== order.totalMinor || pi.currency.toUpperCase() !== order.currency) return { ...refund, order: await cancel(tx, order, "The amount charged did not match the order.") };
  if (!order.stockTaken && !(await takeStock(tx, order.id))) return { ...refund, order: await cancel(tx, order, "Sold out before the payment arrived; the payment was refunded.") };

  const lines = await tx.select().from(shopOrderLines).where(eq(shopOrderLines.orderId, order.id)).orderBy(shopOrderLines.position);
  const invoice = await createOrderInvoice(tx, order, lines);
  const paidAt = pi.latest_charge && typeof pi.latest_charge === "object" ? new Date(pi.latest_charge.created * 1000) : new Date();
  await recordPayment(tx, {
    dojoId,
    invoiceId: invoice.id,
    method: "card",
    amountMinor: pi.amount_received,
    currency: pi.currency.toUpperCase(),
    paidAt,
    stripePaymentIntentId: pi.id,
    stripeChargeId: idOf(pi.latest_charge),
  });
  const [paid] = await tx
    .update(shopOrders)
    .set({ status: "paid", paidAt, invoiceId: invoice.id, stockTaken: true, stripeSessionId: session.id, stripePaymentIntentId: pi.id })
    .where(eq(shopOrders.id, order.id))
    .returning();
  await queueOrderMails(tx, paid);
  return { kind: "paid", order: paid, recorded: true };
}

async function cancel(tx: Tx, order: ShopOrder, reason: string): Promise<ShopOrder> {
  const [cancelled] = await tx.update(shopOrders).set({ status: "cancelled", cancelledAt: new Date(), cancelReason: reason }).where(eq(shopOrders.id, order.id)).returning();
  return cancelled;
}
