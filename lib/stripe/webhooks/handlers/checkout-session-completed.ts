import type Stripe from "stripe";
import { markCheckoutProcessing, processingMethod } from "@/lib/payments/card/delayed-checkout";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { retrieveCheckoutSession } from "@/lib/payments/card/retrieve";
import { completeCardOrder } from "@/lib/shop/complete-card-order";
import { orderIdFor } from "@/lib/shop/metadata";
import { completeCardSetup } from "@/lib/subscriptions/card-setup";
import { settleCardEvent } from "../settle-card-event";
import type { DojoContext, EventHandler } from "../types";

type Paid = Stripe.CheckoutSessionCompletedEvent | Stripe.CheckoutSessionAsyncPaymentSucceededEvent;

/**
 * A Checkout Session finished: a card saved (setup mode), a webshop order or an invoice paid —
 * or, for a delayed payment method, completed unpaid: the invoice's payment then waits as
 * processing and nothing is booked until checkout.session.async_payment_succeeded (its own
 * handler, the same recording; https://docs.stripe.com/checkout/fulfillment#delayed-notification).
 * The browser may have done it already. The session is read with its PaymentIntent, which the
 * event only names; the session read decides, so an event arriving after the debit settled books
 * the settled payment.
 */
export const checkoutSessionCompleted: EventHandler<Paid> = async (event, ctx) => {
  const sent = event.data.object;
  if (sent.mode === "setup") return cardSaved(sent, ctx);
  if (sent.mode !== "payment") return "ignored";
  const { dojoId, stripe } = ctx;
  if (orderIdFor(sent.metadata, dojoId)) {
    const session = await retrieveCheckoutSession(stripe, sent.id);
    // Mails are queued with the paid order; a refund decided in it runs after the commit.
    return async (tx, afterCommit) => {
      const outcome = await completeCardOrder(tx, dojoId, session, afterCommit);
      return outcome && outcome.kind !== "unpaid" ? "processed" : "ignored";
    };
  }
  if (!invoiceIdFor(sent.metadata, dojoId)) return "ignored";
  const session = await retrieveCheckoutSession(stripe, sent.id);
  const pi = session.payment_intent;
  if (processingMethod(session)) return async (tx) => ((await markCheckoutProcessing(tx, dojoId, session)) ? "processed" : "ignored");
  if (session.payment_status !== "paid" || !pi || typeof pi === "string") return "ignored";
  return settleCardEvent(dojoId, pi);
};

/**
 * Setup mode: a card saved by "Add card now", the card link or the members area. The browser may
 * never come back (closed tab): this makes it the default and queues the "card saved" mail, keyed
 * by the card so it goes once. It calls Stripe (read, then set the default), so it runs here, before
 * the event's transaction, like the browser's own path; running it twice changes nothing.
 */
async function cardSaved(sent: Stripe.Checkout.Session, { db, dojoId, stripe }: DojoContext) {
  const outcome = await completeCardSetup(db, stripe, { dojoId, sessionId: sent.id });
  if (outcome.status !== "saved") return "ignored";
  return async () => "processed" as const;
}
