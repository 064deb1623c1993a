import "server-only";
import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db/client";
import { NotFoundError } from "@/lib/action-result";
import { transactionThen } from "@/lib/after-commit";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { completeCardOrder, type CardOrderOutcome } from "./complete-card-order";
import { sendOrderMails } from "./notify";

/**
 * What follows a settled card order once it is committed: a paid order gets its mails (keyed, so
 * the browser return and the webhook send them once). A payment that came too late was decided
 * for an automatic refund in the order's transaction; its Stripe call follows that commit too.
 */
export async function afterCardOrder(db: DbOrTx, outcome: CardOrderOutcome | null): Promise<void> {
  if (outcome?.kind === "paid") await sendOrderMails(db, outcome.order.id);
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
  const outcome = await transactionThen(db, (tx, afterCommit) => completeCardOrder(tx, dojoId, session, afterCommit));
  await afterCardOrder(db, outcome);
  // Still open: the buyer may go back to the same payment page (the items stay reserved).
  return outcome && { ...outcome, payUrl: outcome.kind === "unpaid" && session.status === "open" ? session.url : null };
}
