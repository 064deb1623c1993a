import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shopOrderLines, shopOrders, type ShopOrder } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { env } from "@/lib/env";
import { stripeForDojo } from "@/lib/stripe/connection";
import { orderPaymentMetadata } from "./metadata";
import { CHECKOUT_MARGIN_MINUTES } from "./place-order";

export const ORDER_RETURN_PARAM = "checkout_session";

const appUrl = (path: string) => `${env().APP_URL.replace(/\/$/, "")}${path}`;
export const orderPath = (slug: string, orderId: string) => `/shop/${slug}/orders/${orderId}`;

/** The session ends CHECKOUT_MARGIN_MINUTES before the order's items stop being held (place-order.ts). */
const checkoutExpiresAt = (order: ShopOrder) => Math.floor(order.reservedUntil!.getTime() / 1000) - CHECKOUT_MARGIN_MINUTES * 60;

/**
 * Opens Stripe's hosted Checkout for a card order. The line items are the order's, whose names
 * and prices were copied from the database when it was placed. The session expires before the
 * order's reservation does, so nobody can pay for items that are no longer held. Keyed by the
 * order id: a retry never opens a second session. When Stripe refuses, the order is cancelled
 * (its reservation ends with it) and the buyer reads why.
 */
export async function openOrderCheckout(db: Db, slug: string, order: ShopOrder): Promise<string> {
  const lines = await db.select().from(shopOrderLines).where(eq(shopOrderLines.orderId, order.id)).orderBy(shopOrderLines.position);
  try {
    const { stripe } = await stripeForDojo(db, order.dojoId);
    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        // Cards only: the items are held for a card's minutes, not a bank debit's days.
        allowed_payment_method_types: ["card"],
        customer_email: order.buyerEmail,
        success_url: `${appUrl(orderPath(slug, order.id))}?${ORDER_RETURN_PARAM}={CHECKOUT_SESSION_ID}`,
        cancel_url: appUrl(orderPath(slug, order.id)),
        expires_at: checkoutExpiresAt(order),
        line_items: lines.map((line) => ({
          quantity: line.quantity,
          price_data: { currency: order.currency.toLowerCase(), unit_amount: line.unitPriceMinor, product_data: { name: line.name } },
        })),
        metadata: orderPaymentMetadata(order.dojoId, order.id),
        payment_intent_data: { metadata: orderPaymentMetadata(order.dojoId, order.id), description: `Webshop order #${order.number}` },
      },
      { idempotencyKey: `shop-order-checkout-${order.id}` },
    );
    if (!session.url) throw new ActionError("Stripe did not return a payment page.");
    await db.update(shopOrders).set({ stripeSessionId: session.id }).where(eq(shopOrders.id, order.id));
    return session.url;
  } catch (error) {
    await db.update(shopOrders).set({ status: "cancelled", cancelledAt: new Date(), cancelReason: "The card payment could not be started." }).where(eq(shopOrders.id, order.id));
    if (error instanceof ActionError && !/Stripe/.test(error.message)) throw error;
    console.error("Opening the webshop checkout failed", error);
    throw new ActionError("The card payment could not be started. Nothing was charged; please try again, or choose to pay at the dojo.");
  }
}
