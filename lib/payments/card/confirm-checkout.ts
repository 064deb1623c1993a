import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { cardCheckouts, invoices, type InvoiceStatus } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { markCheckoutProcessing, processingMethod } from "./delayed-checkout";
import { invoiceIdFor } from "./metadata";
import { retrieveCheckoutSession } from "./retrieve";
import { settleConfirmedPayment, type RefundNotice } from "./settle-confirmed-payment";
import { cardPaymentFailure } from "./stripe-failure";

export interface ConfirmedCheckout {
  invoiceId: string;
  /**
   * paid: the card payment is recorded; refunded: Stripe took it but the invoice could not (paid
   * already, voided), so it goes back automatically; open: Checkout was left without paying;
   * expired: start again; processing: a delayed method (SEPA Direct Debit) was used, nothing is
   * booked until the bank confirms it.
   */
  outcome: "paid" | "refunded" | "open" | "expired" | "processing";
  invoiceStatus: InvoiceStatus;
  /** True when this call recorded the payment (the webhook may have been first). */
  recorded: boolean;
  /** What goes back and why ("€50.00", "Paid twice"), when anything does. */
  refund: RefundNotice | null;
}

/**
 * The browser's word that Checkout finished, checked with Stripe: the session is re-read, must
 * be one we opened for this dojo's invoice (and the member's own in the members area), and a
 * paid one is settled through the same function the webhooks use (which queues the receipt
 * with the payment).
 */
export async function confirmInvoiceCheckout(db: Db, input: { dojoId: string; sessionId: string; memberId?: string; staffId?: string }): Promise<ConfirmedCheckout> {
  const [checkout] = await db
    .select({ id: cardCheckouts.id, invoiceId: cardCheckouts.invoiceId, memberId: invoices.memberId })
    .from(cardCheckouts)
    .innerJoin(invoices, eq(invoices.id, cardCheckouts.invoiceId))
    .where(and(eq(cardCheckouts.stripeSessionId, input.sessionId), eq(cardCheckouts.dojoId, input.dojoId)));
  if (!checkout || (input.memberId && checkout.memberId !== input.memberId)) throw new NotFoundError("Payment");

  const { stripe } = await stripeForDojo(db, input.dojoId);
  let session: Stripe.Checkout.Session;
  try {
    session = await retrieveCheckoutSession(stripe, input.sessionId);
  } catch (error) {
    // Not in this dojo's Stripe account: as unknown to the caller as another dojo's record.
    if (isMissingInStripe(error)) throw new NotFoundError("Payment");
    throw cardPaymentFailure(error, "reading the Checkout Session");
  }
  if (invoiceIdFor(session.metadata, input.dojoId) !== checkout.invoiceId || session.metadata?.tatami_checkout_id !== checkout.id) throw new NotFoundError("Payment");

  const pi = session.payment_intent && typeof session.payment_intent === "object" ? session.payment_intent : null;
  if (processingMethod(session)) {
    await markCheckoutProcessing(db, input.dojoId, session);
    const [invoice] = await db.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, checkout.invoiceId));
    return { invoiceId: checkout.invoiceId, outcome: "processing", invoiceStatus: invoice.status, recorded: false, refund: null };
  }
  if (session.payment_status !== "paid" || !pi) {
    const [invoice] = await db.select({ status: invoices.status }).from(invoices).where(eq(invoices.id, checkout.invoiceId));
    return { invoiceId: checkout.invoiceId, outcome: session.status === "expired" ? "expired" : "open", invoiceStatus: invoice.status, recorded: false, refund: null };
  }

  const { settlement, refund } = await settleConfirmedPayment(db, input.dojoId, pi, input.staffId ?? null);
  return { invoiceId: checkout.invoiceId, outcome: settlement.payment ? "paid" : "refunded", invoiceStatus: settlement.invoice.status, recorded: settlement.recorded, refund };
}
