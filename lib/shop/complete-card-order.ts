import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { shopOrderLines, shopOrders, type AutomaticRefund, type ShopOrder } from "@/db/schema";
import type { AfterCommit } from "@/lib/after-commit";
import { recordAutomaticRefund } from "@/lib/payments/automatic-refunds/record-automatic-refund";
import { settleStripePayment } from "@/lib/payments/settle-stripe-payment";
import { paymentFromIntent } from "@/lib/stripe/objects";
import { idSchema } from "@/lib/validation/common";
import { orderIdFor } from "./metadata";
import { queueOrderMails } from "./order-mails";
import { createOrderInvoice } from "./order-invoice";
import { takeStock } from "./place-order";
import { ORDER_CANCEL_REASONS } from "./cancel-reasons";

export type CardOrderOutcome =
  /** Recorded now (recorded: true) or before, by the browser return or a webhook. */
  | { kind: "paid"; order: ShopOrder; recorded: boolean }
  | { kind: "unpaid"; order: ShopOrder; expired: boolean }
  /** Paid by SEPA Direct Debit, not yet settled: the items are taken and held until it succeeds or fails. */
  | { kind: "processing"; order: ShopOrder }
  /** Paid, but the items are gone (cancelled meanwhile, or the reservation ran out and others bought them): refunded automatically. */
  | { kind: "refund"; order: ShopOrder; automaticRefund: AutomaticRefund };

/**
 * Settles a card order from a Checkout Session just read from Stripe (payment_intent expanded
 * with latest_charge). Called by the buyer's return to the shop and by the
 * checkout.session.completed webhook, whichever comes first; the order's row lock makes the
 * second one find the order paid. Once: stock goes down, a paid invoice (source "webshop") is
 * issued and the payment settled on it through settleStripePayment (one revenue entry). A payment
 * the order can no longer take is refunded automatically by the same rule as an invoice's (one
 * decision per PaymentIntent, the Stripe refund after the commit and by a job, the buyer mailed).
 * The order mails are queued with the paid order. Null when the session is not one of this
 * dojo's orders.
 */
export async function completeCardOrder(tx: Tx, dojoId: string, session: Stripe.Checkout.Session, afterCommit?: AfterCommit): Promise<CardOrderOutcome | null> {
  const orderId = orderIdFor(session.metadata, dojoId);
  if (!orderId || !idSchema.safeParse(orderId).success) return null;
  const [order] = await tx.select().from(shopOrders).where(and(eq(shopOrders.id, orderId), eq(shopOrders.dojoId, dojoId))).for("update");
  if (!order || order.payment !== "card" || (order.stripeSessionId && order.stripeSessionId !== session.id)) return null;

  const pi = session.payment_intent && typeof session.payment_intent === "object" ? session.payment_intent : null;
  if (order.status === "pending" && session.status === "complete" && session.payment_status === "unpaid" && pi?.status === "processing") return holdForDebit(tx, order, session);
  if (session.payment_status !== "paid" || !pi || pi.status !== "succeeded") return { kind: "unpaid", order, expired: session.status === "expired" };
  if (order.status === "paid" || order.status === "fulfilled") return { kind: "paid", order, recorded: false };
  const taken = paymentFromIntent(pi);
  const refund = async (refunded: ShopOrder): Promise<CardOrderOutcome> => ({
    kind: "refund",
    order: refunded,
    automaticRefund: await recordAutomaticRefund(
      tx,
      { dojoId, orderId: order.id, stripePaymentIntentId: taken.stripePaymentIntentId, amountMinor: taken.amountMinor, currency: taken.currency, reason: taken.currency === order.currency ? "order_unavailable" : "currency" },
      afterCommit,
    ),
  });
  if (order.status === "cancelled") return refund(order);
  // Stripe charged what the order says (its line items are the order's); anything else is refunded.
  if (taken.amountMinor !== order.totalMinor || taken.currency !== order.currency) return refund(await cancel(tx, order, ORDER_CANCEL_REASONS.amountMismatch));
  if (!order.stockTaken && !(await takeStock(tx, order.id))) return refund(await cancel(tx, order, ORDER_CANCEL_REASONS.soldOutRefunded));

  const lines = await tx.select().from(shopOrderLines).where(eq(shopOrderLines.orderId, order.id)).orderBy(shopOrderLines.position);
  const invoice = await createOrderInvoice(tx, order, lines);
  const { payment } = await settleStripePayment(tx, { dojoId, invoiceId: invoice.id, paymentIntent: pi }, afterCommit);
  const paidAt = payment?.paidAt ?? new Date();
  const [paid] = await tx
    .update(shopOrders)
    .set({ status: "paid", paidAt, invoiceId: invoice.id, stockTaken: true, stripeSessionId: session.id, stripePaymentIntentId: pi.id })
    .where(eq(shopOrders.id, order.id))
    .returning();
  await queueOrderMails(tx, paid);
  return { kind: "paid", order: paid, recorded: true };
}

/**
 * A SEPA debit is processing for days, longer than a card order's reservation: the items are
 * taken from stock now (as a paid order's are) and the reservation ends, so the order keeps them
 * whatever the clock says. Nothing is booked; failCardOrder gives them back if the debit fails.
 * Sold out meanwhile: the order still waits for the bank, and is refunded when the money arrives.
 */
async function holdForDebit(tx: Tx, order: ShopOrder, session: Stripe.Checkout.Session): Promise<CardOrderOutcome> {
  const taken = order.stockTaken || (await takeStock(tx, order.id));
  const [held] = await tx.update(shopOrders).set({ stockTaken: taken, reservedUntil: null, stripeSessionId: session.id }).where(eq(shopOrders.id, order.id)).returning();
  return { kind: "processing", order: held };
}

async function cancel(tx: Tx, order: ShopOrder, reason: string): Promise<ShopOrder> {
  const [cancelled] = await tx.update(shopOrders).set({ status: "cancelled", cancelledAt: new Date(), cancelReason: reason }).where(eq(shopOrders.id, order.id)).returning();
  return cancelled;
}
