import type { ShopReasons } from "@/lib/error-reasons";
import { waitLabel } from "@/lib/security/rate-limit";
import { CORRECT_FIELDS, onField, type Words } from "./words";

export const SHOP_WORDS: Words<keyof ShopReasons> = {
  "shop.card_not_offered": () => onField("payment", "Card payments are not available in this shop.", "Choose another way to pay"),
  "shop.at_dojo_not_offered": () => onField("payment", "Paying at the dojo is not available in this shop.", "Choose another way to pay"),
  "shop.product_gone": () => "A product in your cart is no longer sold. Please remove it and try again.",
  "shop.not_enough_stock": ({ product, available }) => (available === 0 ? `"${product}" is sold out.` : `Only ${available} of "${product}" left. Please lower the quantity.`),
  "shop.sold_out_meanwhile": () => "An item in your cart just sold out. Please check your cart.",
  "shop.confirm_card_order": () => "Only orders paid at the dojo are confirmed; card orders are invoiced when paid.",
  "shop.confirm_cancelled_order": () => "This order was cancelled; it can no longer be confirmed.",
  "shop.card_payment_not_started": () => "The card payment could not be started. Nothing was charged; please try again, or choose to pay at the dojo.",
  "shop.too_many_orders_network": ({ retryAfterMs }) => `Too many orders from your network. Please try again in ${waitLabel(retryAfterMs)}.`,
  "shop.too_many_orders_email": ({ retryAfterMs }) => onField("email", `Too many orders for this e-mail address. Please try again in ${waitLabel(retryAfterMs)}.`, "Too many orders for this address just now"),
  "shop.price": ({ problem }) => onField("price", CORRECT_FIELDS, problem),
  "shop.image": ({ problem }) => onField("image", CORRECT_FIELDS, problem),
  "shop.fulfil_cancelled": () => "A cancelled order cannot be fulfilled.",
  "shop.fulfil_awaiting_card": () => "This order is waiting for its card payment.",
  "shop.cancel_needs_refund_permission": () => "Cancelling a paid order refunds the buyer; only an owner or manager can do that.",
  "shop.paid_meanwhile": () => "The buyer has just paid this order. Reload the page, then cancel it again to refund.",
  "shop.cancel_stripe_refused": ({ stripeMessage }) =>
    stripeMessage === null ? "Stripe could not be reached. The order was not cancelled; please try again." : `Stripe refused: ${stripeMessage} The order was not cancelled.`,
};
