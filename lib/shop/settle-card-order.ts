import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { NotFoundError } from "@/lib/action-result";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { completeCardOrder, type CardOrderOutcome } from "./complete-card-order";

/**
 * What follows a settled card order, outside its transaction or after the order is safe: a
 * payment that came too late is refunded in Stripe (keyed by the order, so once). A paid order's
 * mails were queued with it (complete-card-order.ts).
 */
export async function afterCardOrder(stripe: Stripe, outcome: CardOrderOutcome | null): Promise<void> {
  if (!outcome) return;
  if (outcome.kind === "refund") {
    await stripe.refunds.create({ payment_intent: outcome.paymentIntentId, amount: outcome.amountMinor, metadata: { tatami_dojo_id: outcome.order.dojoId, tatami_order_id: outcome.order.id } }, { idempotencyKey: `shop-order-late-refund-${outcome.order.id}` });
  }
}

/** The buyer is back from Checkout: Stripe's session decides, never the browser. */
export async function confirmOrderReturn(db: Db, dojoId: string, orderId: string, sessionId: string): Promise<(CardOrderOutcome & { payUrl: string | null }) | null> {
  const { stripe } = await stripeForDojo(db, dojoId);
  let session: Stripe.Checkout.Session;
  try {
    session = await retrieveCheckoutSession(stripe, sessionId);
  } catch (error) {
    if (isMissingInStripe(error)) throw new NotFoundError("Order");
    throw error;
  }
  if (session.metadata?.tatami_order_id !== orderId) throw new NotFoundError("Order");
  const outcome = await db.transaction((tx) => completeCardOrder(tx, dojoId, session));
  await afterCardOrder(stripe, outcome);
  // Still open: the buyer may go back to the same payment page (the items stay reserved).
  return outcome && { ...outcome, payUrl: outcome.kind === "unpaid" && session.status === "open" ? session.url : null };
}
