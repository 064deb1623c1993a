"use server";

import { getDb } from "@/db/client";
import { NotFoundError, publicAction } from "@/lib/action";
import { clientIp } from "@/lib/auth/client-ip";
import { getMemberSession } from "@/lib/auth/session";
import { openOrderCheckout, orderPath } from "@/lib/shop/card-checkout";
import { placeOrder } from "@/lib/shop/place-order";
import { publicShop } from "@/lib/shop/public-shop";
import { checkoutSchema } from "@/lib/shop/schemas";

/**
 * Places an order from the cart. Only product ids and quantities come from the browser; the
 * shop, its payment options, prices and totals are read from the database. A card order goes
 * on to Stripe's hosted Checkout (the browser follows `redirectUrl`). Orders are limited per
 * buyer address and e-mail (lib/shop/order-limits.ts).
 */
export const placeShopOrderAction = publicAction(checkoutSchema, async ({ slug, ...input }) => {
  const db = await getDb();
  const shop = await publicShop(db, slug);
  if (!shop) throw new NotFoundError("Shop");
  const member = await getMemberSession();
  const memberId = member && member.dojo.id === shop.dojo.id ? member.member.id : null;
  const order = await placeOrder(db, shop.dojo, input, memberId, await clientIp());
  if (order.payment === "card") return { orderId: order.id, redirectUrl: await openOrderCheckout(db, slug, order) };
  return { orderId: order.id, redirectUrl: orderPath(slug, order.id) };
});
