import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { shopOrderLines, shopOrders, type ShopOrder } from "@/db/schema";
import { refused } from "@/lib/errors";
import { env } from "@/lib/env";
import { stripeForDojo } from "@/lib/stripe/connection";
import { checkoutMethods } from "@/lib/stripe/payment-methods";
import { orderPaymentMetadata } from "./metadata";
import { CHECKOUT_MARGIN_MINUTES } from "./place-order";
import { memberLocale } from "@/lib/i18n/member-locale";
import { isLocale } from "@/lib/i18n/locales";
import { ORDER_CANCEL_REASONS } from "./cancel-reasons";

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
    const { stripe, connection } = await stripeForDojo(db, order.dojoId);
    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        // The dojo's methods. A SEPA debit completes unpaid: the order then keeps its items
        // until the debit succeeds or fails (complete-card-order.ts, fail-card-order.ts).
        allowed_payment_method_types: checkoutMethods(connection, "payment"),
        customer_email: order.buyerEmail,
        // The language the buyer ordered in (an older order: its member's, else the dojo's).
        locale: isLocale(order.language) ? order.language : await memberLocale(db, order.dojoId, order.memberId),
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
    if (!session.url) throw new Error("Stripe did not return a payment page");
    await db.update(shopOrders).set({ stripeSessionId: session.id }).where(eq(shopOrders.id, order.id));
    return session.url;
  } catch (error) {
    await db.update(shopOrders).set({ status: "cancelled", cancelledAt: new Date(), cancelReason: ORDER_CANCEL_REASONS.notStarted }).where(eq(shopOrders.id, order.id));
    console.error("Opening the webshop checkout failed", error);
    throw refused("shop.card_payment_not_started");
  }
}
