"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { publicAction } from "@/lib/action";
import type { ActionResult } from "@/lib/action-result";
import { clientIp } from "@/lib/auth/client-ip";
import { getMemberSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE } from "@/lib/i18n/language-cookie";
import { isLocale, LOCALES, resolveLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { openOrderCheckout, orderPath } from "@/lib/shop/card-checkout";
import { placeOrder } from "@/lib/shop/place-order";
import { publicShop } from "@/lib/shop/public-shop";
import { checkoutSchema } from "@/lib/shop/schemas";
import { checkoutFailure, checkoutFieldErrors } from "./checkout-errors";

// The language the buyer saw the shop in: the order keeps it for its mails and Stripe's page.
const orderRequestSchema = checkoutSchema.extend({ locale: z.enum(LOCALES).optional() });
export type ShopOrderRequest = z.input<typeof orderRequestSchema>;

/**
 * Places an order from the cart. Only product ids and quantities come from the browser; the
 * shop, its payment options, prices and totals are read from the database. A card order goes
 * on to Stripe's hosted Checkout (the browser follows `redirectUrl`). Orders are limited per
 * buyer address and e-mail (lib/shop/order-limits.ts). Failures are told in the buyer's language.
 */
export async function placeShopOrderAction(input: ShopOrderRequest): Promise<ActionResult<{ orderId: string; redirectUrl: string }>> {
  const db = await getDb();
  const slug = typeof input?.slug === "string" && input.slug.length <= 48 ? input.slug : null;
  const shop = slug ? await publicShop(db, slug) : null;
  const session = await getMemberSession();
  const member = shop && session && session.dojo.id === shop.dojo.id ? session.member : null;
  // Without the page's language (an older page): the member's, else the dojo's.
  const locale = isLocale(input?.locale) ? input.locale : resolveLocale(member?.language, shop?.dojo.defaultLanguage);
  const t = translator(locale, "shop.errors");
  const parsed = orderRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: t("correctFields"), fieldErrors: checkoutFieldErrors(parsed.error, t) };
  if (!shop) return { ok: false, error: t("shopClosed") };
  const { slug: _slug, locale: _locale, ...order } = parsed.data;
  try {
    const placed = await placeOrder(db, shop.dojo, order, member?.id ?? null, await clientIp(), locale);
    const redirectUrl = placed.payment === "card" ? await openOrderCheckout(db, shop.dojo.slug, placed) : orderPath(shop.dojo.slug, placed.id);
    return { ok: true, data: { orderId: placed.id, redirectUrl } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, ...checkoutFailure(error, t, locale) };
    console.error("Placing a webshop order failed", error);
    return { ok: false, error: t("unexpected") };
  }
}

/** The shop's language picker: remembered in a cookie (no locale in URLs); the page re-renders in it. */
export const chooseShopLanguageAction = publicAction(z.object({ locale: z.enum(LOCALES) }), async ({ locale }) => {
  (await cookies()).set(LANGUAGE_COOKIE, locale, { path: "/", maxAge: LANGUAGE_COOKIE_MAX_AGE, sameSite: "lax", httpOnly: true });
  return { locale };
});
