import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { shopOrderLines, shopOrders, shopProducts, shopSettings, type Dojo, type ShopOrder } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";
import { assertCardChargeable } from "@/lib/payments/card/charge-limits";
import { availableOf, reservedQuantities } from "./availability";
import { scheduleReservationExpiry } from "./at-dojo-orders";
import { checkOrderLimits, mayMailConfirmation } from "./order-limits";
import { queueOrderMails } from "./order-mails";
import type { CheckoutInput } from "./schemas";
import { getShopSettings, shopPaymentOptions } from "./settings";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A card order's items are held 50 minutes and its Checkout Session ends 5 minutes before
 * that, so nobody pays for items no longer held. Stripe takes a session lifetime of 30 minutes
 * to 24 hours (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at);
 * 45 minutes stays 15 above the minimum whatever a slow request or clocks that differ take off.
 */
export const RESERVATION_MINUTES = 50;
export const CHECKOUT_MARGIN_MINUTES = 5;

export interface PlacedOrder {
  order: ShopOrder;
}

function merged(items: CheckoutInput["items"]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) out.set(item.productId, (out.get(item.productId) ?? 0) + item.quantity);
  return out;
}

/**
 * Turns a cart into an order, in one transaction. The products are locked (in id order, so two
 * buyers never deadlock), names and prices are copied from the database (the browser only says
 * which products and how many), and the stock is checked while the locks are held, so two
 * buyers can never both get the last item:
 * - pay at the dojo: the items are taken off the stock now and held for the dojo's reservation
 *   days; no invoice until staff confirm the order (at-dojo-orders.ts), and a job gives the
 *   items back if nobody does;
 * - card: the items are reserved until the Checkout Session expires; stock goes down when
 *   Stripe confirms the payment (complete-card-order.ts).
 * Before anything is locked, the buyer's address (`ip`, null for a signed-in member) and e-mail
 * must be within the order limits (order-limits.ts). `language`: the one the buyer ordered in.
 */
export async function placeOrder(db: Db, dojo: Dojo, input: Omit<CheckoutInput, "slug">, memberId: string | null, ip: string | null, language: Locale | null = null): Promise<ShopOrder> {
  const settings = await getShopSettings(db, dojo.id);
  if (!settings.enabled) throw new NotFoundError("Shop");
  const options = await shopPaymentOptions(db, dojo, settings);
  if (input.payment === "card" && !options.card) throw refused("shop.card_not_offered");
  if (input.payment === "at_dojo" && !options.atDojo) throw refused("shop.at_dojo_not_offered");
  await checkOrderLimits(db, dojo.id, { ip: memberId ? null : ip, email: input.email });

  const wanted = merged(input.items);
  return db.transaction(async (tx) => {
    const ids = [...wanted.keys()].sort();
    const products = await tx
      .select({ id: shopProducts.id, name: shopProducts.name, priceMinor: shopProducts.priceMinor, currency: shopProducts.currency, stock: shopProducts.stock, active: shopProducts.active })
      .from(shopProducts)
      .where(and(eq(shopProducts.dojoId, dojo.id), inArray(shopProducts.id, ids)))
      .orderBy(asc(shopProducts.id))
      .for("update");
    const byId = new Map(products.map((p) => [p.id, p]));
    const reserved = await reservedQuantities(tx, ids);
    for (const id of ids) {
      const product = byId.get(id);
      if (!product || !product.active || product.currency !== dojo.currency) throw refused("shop.product_gone");
      const available = availableOf(product.stock, reserved.get(id));
      const quantity = wanted.get(id)!;
      if (available !== null && available < quantity) {
        throw refused("shop.not_enough_stock", { product: product.name, available });
      }
    }

    const [{ number }] = await tx
      .update(shopSettings)
      .set({ lastOrderNumber: sql`${shopSettings.lastOrderNumber} + 1` })
      .where(eq(shopSettings.dojoId, dojo.id))
      .returning({ number: shopSettings.lastOrderNumber });
    const lines = ids.map((id, position) => ({ product: byId.get(id)!, quantity: wanted.get(id)!, position }));
    const totalMinor = lines.reduce((sum, l) => sum + l.product.priceMinor * l.quantity, 0);
    const card = input.payment === "card";
    // Stripe would refuse the Checkout; the order is not placed (the transaction rolls back).
    if (card) assertCardChargeable(totalMinor, dojo.currency, { of: "order", atDojoOffered: options.atDojo });
    const [order] = await tx
      .insert(shopOrders)
      .values({
        dojoId: dojo.id,
        number,
        buyerName: input.name,
        buyerEmail: input.email,
        buyerPhone: input.phone,
        memberId,
        language,
        payment: input.payment,
        currency: dojo.currency,
        totalMinor,
        reservedUntil: card ? sql`now() + make_interval(mins => ${RESERVATION_MINUTES})` : sql`now() + make_interval(days => ${settings.reservationDays})`,
      })
      .returning();
    await tx
      .insert(shopOrderLines)
      .values(lines.map((l) => ({ orderId: order.id, position: l.position, dojoId: dojo.id, productId: l.product.id, name: l.product.name, unitPriceMinor: l.product.priceMinor, quantity: l.quantity })));
    if (card) return order;

    if (!(await takeStock(tx, order.id))) throw refused("shop.sold_out_meanwhile");
    const [held] = await tx.update(shopOrders).set({ stockTaken: true }).where(eq(shopOrders.id, order.id)).returning();
    await scheduleReservationExpiry(tx, held);
    await queueOrderMails(tx, held, { buyer: await mayMailConfirmation(tx, held.buyerEmail) });
    return held;
  });
}

/**
 * Takes an order's quantities off the stock, all or nothing: each UPDATE only succeeds while
 * enough is left, so the stock can never go below zero. Returns false (and changes nothing,
 * the caller's transaction being rolled back to the savepoint) when an item ran out.
 */
export async function takeStock(tx: Tx, orderId: string): Promise<boolean> {
  try {
    await tx.transaction(async (sp) => {
      const lines = await sp.select({ productId: shopOrderLines.productId, quantity: shopOrderLines.quantity }).from(shopOrderLines).where(eq(shopOrderLines.orderId, orderId)).orderBy(asc(shopOrderLines.productId));
      for (const line of lines) {
        const updated = await sp
          .update(shopProducts)
          .set({ stock: sql`${shopProducts.stock} - ${line.quantity}` })
          .where(and(eq(shopProducts.id, line.productId), sql`${shopProducts.stock} >= ${line.quantity}`))
          .returning({ id: shopProducts.id });
        const [product] = updated.length ? updated : await sp.select({ stock: shopProducts.stock }).from(shopProducts).where(eq(shopProducts.id, line.productId));
        // Unlimited stock (null) matches no UPDATE and needs none.
        if (!updated.length && (product as { stock: number | null }).stock !== null) throw new SoldOut();
      }
    });
    return true;
  } catch (error) {
    if (error instanceof SoldOut) return false;
    throw error;
  }
}

class SoldOut extends Error {}

/** Gives an order's quantities back to the stock (a cancelled order that had taken them). */
export async function returnStock(tx: Tx, orderId: string): Promise<void> {
  const lines = await tx.select({ productId: shopOrderLines.productId, quantity: shopOrderLines.quantity }).from(shopOrderLines).where(eq(shopOrderLines.orderId, orderId));
  for (const line of lines) {
    await tx
      .update(shopProducts)
      .set({ stock: sql`${shopProducts.stock} + ${line.quantity}` })
      .where(and(eq(shopProducts.id, line.productId), sql`${shopProducts.stock} is not null`));
  }
}
