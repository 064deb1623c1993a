import "server-only";
import { and, eq, inArray, type SQL } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx, Tx } from "@/db/client";
import { cardCheckouts } from "@/db/schema";
import { isDelayedMethod } from "@/lib/stripe/payment-methods";
import { idSchema } from "@/lib/validation/common";
import { queueDebitFailedMails } from "./debit-failed-mail";
import { invoiceIdFor } from "./metadata";

/**
 * Invoice payments by a delayed method (SEPA Direct Debit). Checkout completes with
 * payment_status "unpaid" and the PaymentIntent "processing"; the money is known only days later
 * (https://docs.stripe.com/checkout/fulfillment#delayed-notification). Until then nothing is
 * booked: no payment, no revenue — the invoice's checkout row is "processing", which the invoice
 * shows ("payment pending (SEPA)") and which keeps a second payment page from opening. Success
 * runs the ordinary recording (settleCardPaymentFromEvent closes the row); failure closes the row,
 * books nothing and tells the member and the owners.
 */

const checkoutIdOf = (metadata: Stripe.Metadata | null | undefined) => {
  const id = metadata?.tatami_checkout_id;
  return id && idSchema.safeParse(id).success ? id : null;
};

/** The delayed method a session (re-read, PaymentIntent expanded) is waiting on, or null when it is not waiting. */
export function processingMethod(session: Stripe.Checkout.Session): string | null {
  const pi = session.payment_intent && typeof session.payment_intent === "object" ? session.payment_intent : null;
  if (session.status !== "complete" || session.payment_status !== "unpaid" || pi?.status !== "processing") return null;
  const charge = pi.latest_charge && typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const type = charge?.payment_method_details?.type ?? pi.payment_method_types[0] ?? null;
  return isDelayedMethod(type) ? type : null;
}

/** A session completed unpaid with a delayed method: its checkout row waits ("processing"). Books nothing. */
export async function markCheckoutProcessing(tx: DbOrTx, dojoId: string, session: Stripe.Checkout.Session): Promise<boolean> {
  const method = processingMethod(session);
  const checkoutId = checkoutIdOf(session.metadata);
  if (!method || !checkoutId || !invoiceIdFor(session.metadata, dojoId)) return false;
  const marked = await tx
    .update(cardCheckouts)
    .set({ status: "processing", delayedMethod: method })
    .where(and(eq(cardCheckouts.id, checkoutId), eq(cardCheckouts.dojoId, dojoId), eq(cardCheckouts.stripeSessionId, session.id), inArray(cardCheckouts.status, ["opening", "open", "expiring"])))
    .returning({ id: cardCheckouts.id });
  return marked.length > 0;
}

/**
 * The delayed payment failed (checkout.session.async_payment_failed, or payment_intent.payment_failed
 * after processing): the row closes, the invoice is payable again, nothing is booked or reversed
 * (nothing was booked), and the member and the owners are told — once, as only the first caller
 * finds the row processing.
 */
export async function failDelayedCheckout(tx: Tx, dojoId: string, metadata: Stripe.Metadata | null | undefined, reason: string | null): Promise<boolean> {
  const checkoutId = checkoutIdOf(metadata);
  if (!checkoutId || !invoiceIdFor(metadata, dojoId)) return false;
  return failProcessing(tx, dojoId, eq(cardCheckouts.id, checkoutId), reason);
}

// Closes a processing row and tells the member and the owners, once: only the first caller finds it processing.
async function failProcessing(tx: DbOrTx, dojoId: string, which: SQL, reason: string | null): Promise<boolean> {
  const [failed] = await tx
    .update(cardCheckouts)
    .set({ status: "closed" })
    .where(and(which, eq(cardCheckouts.dojoId, dojoId), eq(cardCheckouts.status, "processing")))
    .returning({ id: cardCheckouts.id, dojoId: cardCheckouts.dojoId });
  if (!failed) return false;
  await queueDebitFailedMails(tx, failed, reason);
  return true;
}

/**
 * A subscription invoice's PaymentIntent (Stripe's own, charging a SEPA mandate) is processing: a
 * row for it waits ("processing") like a Checkout SEPA payment, so the invoice shows "payment
 * pending (SEPA)" and books nothing. One row per PaymentIntent: an event read before the debit
 * ended, applied after, finds its row already closed and changes nothing.
 */
export async function markInvoiceDebitProcessing(tx: DbOrTx, dojoId: string, invoice: { id: string; currency: string }, pi: Stripe.PaymentIntent, method: string): Promise<void> {
  await tx
    .insert(cardCheckouts)
    .values({ dojoId, invoiceId: invoice.id, amountMinor: pi.amount, currency: invoice.currency, status: "processing", delayedMethod: method, stripePaymentIntentId: pi.id })
    .onConflictDoNothing({ target: cardCheckouts.stripePaymentIntentId });
}

/** The debit of a subscription invoice ended: paid (the row closes; the payment is booked by the caller) or failed (closes, mails). */
export async function endInvoiceDebit(tx: DbOrTx, dojoId: string, pi: Stripe.PaymentIntent, outcome: "paid" | "failed"): Promise<boolean> {
  if (outcome === "failed") return failProcessing(tx, dojoId, eq(cardCheckouts.stripePaymentIntentId, pi.id), pi.last_payment_error?.message ?? null);
  const closed = await tx
    .update(cardCheckouts)
    .set({ status: "closed" })
    .where(and(eq(cardCheckouts.stripePaymentIntentId, pi.id), eq(cardCheckouts.dojoId, dojoId), eq(cardCheckouts.status, "processing")))
    .returning({ id: cardCheckouts.id });
  return closed.length > 0;
}

/** The delayed method a PaymentIntent is processing with (its charge's, else its only type), or null. */
export function delayedMethodOf(pi: Stripe.PaymentIntent | null): string | null {
  if (pi?.status !== "processing") return null;
  const charge = pi.latest_charge && typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const type = charge?.payment_method_details?.type ?? (pi.payment_method_types.length === 1 ? pi.payment_method_types[0] : null);
  return isDelayedMethod(type) ? type : null;
}

/** The delayed method an invoice's payment is processing with ("sepa_debit"), or null. */
export async function pendingDelayedPayment(db: DbOrTx, dojoId: string, invoiceId: string): Promise<{ method: string; amountMinor: number; currency: string } | null> {
  const [row] = await db
    .select({ method: cardCheckouts.delayedMethod, amountMinor: cardCheckouts.amountMinor, currency: cardCheckouts.currency })
    .from(cardCheckouts)
    .where(and(eq(cardCheckouts.dojoId, dojoId), eq(cardCheckouts.invoiceId, invoiceId), eq(cardCheckouts.status, "processing")))
    .limit(1);
  return row?.method ? { method: row.method, amountMinor: row.amountMinor, currency: row.currency } : null;
}
