import type Stripe from "stripe";
import { settleCardPaymentFromEvent } from "@/lib/payments/card/settle-card-payment";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { isShopSession, shopCheckoutCompleted } from "@/lib/shop/webhook";
import type { WebhookHandler } from "../types";
import { checkoutSessionSetupCompleted } from "./checkout-session-setup-completed";

/** An invoice paid through Checkout (staff dialog or members area): recorded or refunded; the browser may have done it already. */
export const checkoutSessionCompleted: WebhookHandler = async (tx, { dojoId, stripe, event, afterCommit }) => {
  const sent = event.data.object as Stripe.Checkout.Session;
  if (sent.mode === "setup") return checkoutSessionSetupCompleted(tx, { dojoId, stripe, event, afterCommit });
  if (sent.mode === "payment" && isShopSession(sent, dojoId)) return shopCheckoutCompleted(tx, { dojoId, stripe, event, afterCommit });
  if (sent.mode !== "payment" || !invoiceIdFor(sent.metadata, dojoId)) return "ignored";
  const session = await retrieveCheckoutSession(stripe, sent.id);
  const pi = session.payment_intent;
  if (session.payment_status !== "paid" || !pi || typeof pi === "string") return "ignored";
  // Settled here or by another path first; the receipt is queued with the payment, once.
  const { settlement } = await settleCardPaymentFromEvent(tx, dojoId, pi, afterCommit);
  return settlement ? "processed" : "ignored";
};
