import type { ShopReasons } from "@/lib/error-reasons";
import { waitTime } from "@/lib/security/rate-limit";
import { correctProblem, onField, say, type Reader, type Words } from "./words";

/** "2 minutes", "1 hour": how long to wait, in the reader's language. */
function wait(ms: number, w: Reader): string {
  const { unit, count } = waitTime(ms);
  return w.t(`time.${unit}`, { count });
}

const otherWayToPay = (_: unknown, w: Reader) => onField("payment", say({}, w), w.t("shop.choose_other_payment"));

export const SHOP_WORDS: Words<keyof ShopReasons> = {
  "shop.card_not_offered": otherWayToPay,
  "shop.at_dojo_not_offered": otherWayToPay,
  "shop.product_gone": say,
  "shop.not_enough_stock": say,
  "shop.sold_out_meanwhile": say,
  "shop.confirm_card_order": say,
  "shop.confirm_cancelled_order": say,
  "shop.card_payment_not_started": say,
  "shop.too_many_orders_network": ({ retryAfterMs }, w) => say({ wait: wait(retryAfterMs, w) }, w),
  "shop.too_many_orders_email": ({ retryAfterMs }, w) => onField("email", say({ wait: wait(retryAfterMs, w) }, w), w.t("shop.too_many_orders_email_field")),
  "shop.price": correctProblem("price"),
  "shop.image": correctProblem("image"),
  "shop.fulfil_cancelled": say,
  "shop.fulfil_awaiting_card": say,
  "shop.cancel_needs_refund_permission": say,
  "shop.paid_meanwhile": say,
  "shop.cancel_stripe_refused": ({ stripeMessage }, w) => (stripeMessage === null ? w.t("shop.cancel_stripe_unreachable") : say({ stripeMessage }, w)),
};
