import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { NotFoundError } from "@/lib/action-result";
import { transactionThen } from "@/lib/after-commit";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { completeCardOrder, type CardOrderOutcome } from "./complete-card-order";

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
  // Mails are queued with the paid order; a refund decided in it is made after the commit.
  const outcome = await transactionThen(db, (tx, afterCommit) => completeCardOrder(tx, dojoId, session, afterCommit));
  // Still open: the buyer may go back to the same payment page (the items stay reserved).
  return outcome && { ...outcome, payUrl: outcome.kind === "unpaid" && session.status === "open" ? session.url : null };
}
