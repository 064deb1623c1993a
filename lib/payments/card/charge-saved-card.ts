import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { cardCheckouts, invoices } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { refused, unavailable } from "@/lib/errors";
import { transactionThen } from "@/lib/after-commit";
import { idSchema } from "@/lib/validation/common";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { endOpenCheckouts, liveCheckoutsOf } from "./end-checkouts";
import { expireCheckouts } from "./expire-checkouts";
import { invoicePaymentMetadata, invoiceIdFor } from "./metadata";
import { payableInvoice } from "./payable-invoice";
import { retrievePaymentIntent } from "./retrieve";
import { savedCardOf } from "./saved-card";
import { settleConfirmedPayment, type RefundNotice, settlePaidSessions } from "./settle-confirmed-payment";
import { cardPaymentFailure } from "./stripe-failure";
import { isDelayedMethod } from "@/lib/stripe/payment-methods";
import { pendingDelayedPayment } from "./delayed-checkout";

export type SavedCardCharge =
  | { status: "succeeded"; invoiceId: string; recorded: boolean }
  /** Charged, but the invoice was paid meanwhile (online, say): it goes back automatically. */
  | { status: "refunded"; invoiceId: string; refund: RefundNotice }
  /** Nothing charged: a payment page for the invoice is open; charging means closing it first (closeOpenCheckout). */
  | { status: "checkout_open"; invoiceId: string; openedBy: "member" | "staff" }
  /** A SEPA debit under the saved mandate: nothing is booked until Stripe reports it succeeded (days later). */
  | { status: "processing"; invoiceId: string }
  /** The bank asks for 3-D Secure: the browser runs stripe.handleNextAction, then confirms. */
  | { status: "requires_action"; invoiceId: string; paymentIntentId: string; clientSecret: string; publishableKey: string };


/** Who charges the card: staff at the desk, or the member in the members area (own invoices and own card only). */
export type SavedCardPayer = { staffId: string } | { memberId: string };

const staffOf = (payer: SavedCardPayer) => ("staffId" in payer ? payer.staffId : null);
const memberOf = (payer: SavedCardPayer) => ("memberId" in payer ? payer.memberId : undefined);

async function settle(db: Db, dojoId: string, pi: Stripe.PaymentIntent, recordedBy: string | null, publishableKey: string, invoiceId: string): Promise<SavedCardCharge> {
  if (pi.status === "succeeded") {
    const { settlement, refund } = await settleConfirmedPayment(db, dojoId, pi, recordedBy);
    if (!settlement.payment && refund) return { status: "refunded", invoiceId, refund };
    return { status: "succeeded", invoiceId, recorded: settlement.recorded };
  }
  if (pi.status === "requires_action" && pi.client_secret) return { status: "requires_action", invoiceId, paymentIntentId: pi.id, clientSecret: pi.client_secret, publishableKey };
  if (pi.status === "processing" && (await markDebitProcessing(db, dojoId, pi))) return { status: "processing", invoiceId };
  if (pi.status === "processing") throw refused("card_payment.processing");
  const reason = pi.last_payment_error?.message;
  throw pi.last_payment_error?.code === "payment_intent_authentication_failure" || !reason ? refused("card_payment.authentication_failed") : refused("card_payment.declined_saved", { stripeMessage: reason });
}

/**
 * A saved SEPA account debited under its mandate: the attempt's row waits ("processing") like a
 * Checkout SEPA payment (delayed-checkout.ts), so the invoice shows "payment pending (SEPA)",
 * nothing is booked, and payment_intent.succeeded / payment_failed end it.
 */
async function markDebitProcessing(db: Db, dojoId: string, pi: Stripe.PaymentIntent): Promise<boolean> {
  const checkoutId = pi.metadata?.tatami_checkout_id;
  const pm = pi.payment_method && typeof pi.payment_method === "object" ? pi.payment_method : null;
  const method = pm?.type ?? null;
  if (!checkoutId || !isDelayedMethod(method)) return false;
  const marked = await db
    .update(cardCheckouts)
    .set({ status: "processing", delayedMethod: method })
    .where(and(eq(cardCheckouts.id, checkoutId), eq(cardCheckouts.dojoId, dojoId), eq(cardCheckouts.status, "closed")))
    .returning({ id: cardCheckouts.id });
  return marked.length > 0;
}

/**
 * Ends the invoice's open Checkout Sessions before the desk charges a card, so the member cannot
 * pay the same amount online at the same time. A session found paid is settled now; the caller
 * then reads the invoice again.
 */
async function closeOpenCheckouts(db: Db, stripe: Stripe, dojoId: string, invoiceId: string, staffId: string | null): Promise<void> {
  const ids = await transactionThen(db, (tx) => endOpenCheckouts(tx, dojoId, invoiceId));
  let paidSessionIds: string[];
  try {
    ({ paidSessionIds } = await expireCheckouts(db, dojoId, ids));
  } catch (error) {
    console.error("Could not expire the invoice's Checkout Session before charging a saved card", error);
    throw unavailable("card_payment.open_page_not_closed");
  }
  await settlePaidSessions(db, stripe, dojoId, paidSessionIds, staffId);
}

/**
 * Charges the member's saved card for what is still open, with the card holder present
 * (off_session: false: at the desk, or the member themselves in the members area), so the bank
 * may ask for 3-D Secure. While a payment page for the invoice is open it charges nothing unless
 * asked to close that page first. The idempotency key comes from a card_checkouts row written
 * before the call: a retry never charges twice.
 */
export async function chargeSavedCard(db: Db, input: { dojoId: string; invoiceId: string; closeOpenCheckout?: boolean } & SavedCardPayer): Promise<SavedCardCharge> {
  const { stripe, connection } = await stripeForDojo(db, input.dojoId);
  const staffId = staffOf(input);
  const memberId = memberOf(input);
  const scope = { dojoId: input.dojoId, memberId };
  const noCard = refused("card_payment.no_saved_card", { who: memberId ? "member" : "staff" });
  let payable = await payableInvoice(db, scope, input.invoiceId, connection);
  // A SEPA debit for it is still with the bank: a second charge could take the money twice.
  if (await pendingDelayedPayment(db, input.dojoId, payable.invoice.id)) throw refused("card_payment.processing");
  const live = await liveCheckoutsOf(db, input.dojoId, payable.invoice.id);
  if (live.length > 0) {
    if (!input.closeOpenCheckout) return { status: "checkout_open", invoiceId: payable.invoice.id, openedBy: live.some((row) => row.openedByMember) ? "member" : "staff" };
    await closeOpenCheckouts(db, stripe, input.dojoId, payable.invoice.id, staffId);
    // The member may have just paid it: what is open now decides.
    payable = await payableInvoice(db, scope, input.invoiceId, connection);
  }
  const { invoice, member, openMinor } = payable;
  if (!member.stripeCustomerId) throw noCard;
  let card;
  try {
    card = await savedCardOf(stripe, member.stripeCustomerId);
  } catch (error) {
    throw cardPaymentFailure(error, "reading the saved card");
  }
  if (!card) throw noCard;

  const [attempt] = await db
    .insert(cardCheckouts)
    .values({ dojoId: input.dojoId, invoiceId: invoice.id, amountMinor: openMinor, currency: invoice.currency, openedByStaff: staffId, openedByMember: memberId ?? null })
    .returning();
  let pi: Stripe.PaymentIntent;
  try {
    pi = await stripe.paymentIntents.create(
      {
        amount: openMinor,
        currency: invoice.currency.toLowerCase(),
        customer: member.stripeCustomerId,
        payment_method: card.paymentMethodId,
        // A saved card never redirects; without this Stripe would ask for a return_url.
        automatic_payment_methods: { enabled: true, allow_redirects: "never" },
        confirm: true,
        // A card: the holder is here (3-D Secure may be asked). A SEPA account: debited under the
        // mandate the payer gave, without them (https://docs.stripe.com/payments/sepa-debit/set-up-payment).
        off_session: card.kind === "sepa_debit",
        description: `Invoice ${invoice.number}`,
        metadata: invoicePaymentMetadata(input.dojoId, invoice.id, attempt.id),
        expand: ["latest_charge", "payment_method"],
      },
      { idempotencyKey: `saved-card-${attempt.id}` },
    );
  } catch (error) {
    throw cardPaymentFailure(error, "charging the saved card");
  }
  return settle(db, input.dojoId, pi, staffId, connection.publishableKey, invoice.id);
}

/** After 3-D Secure in the browser: Stripe's PaymentIntent decides, never the browser. */
export async function confirmSavedCardPayment(db: Db, input: { dojoId: string; paymentIntentId: string } & SavedCardPayer): Promise<SavedCardCharge> {
  const { stripe, connection } = await stripeForDojo(db, input.dojoId);
  let pi: Stripe.PaymentIntent;
  try {
    pi = await retrievePaymentIntent(stripe, input.paymentIntentId);
  } catch (error) {
    // Not in this dojo's Stripe account: as unknown to the caller as another dojo's record.
    if (isMissingInStripe(error)) throw new NotFoundError("Payment");
    throw cardPaymentFailure(error, "reading the payment");
  }
  const invoiceId = invoiceIdFor(pi.metadata, input.dojoId);
  const checkoutId = pi.metadata?.tatami_checkout_id;
  if (!invoiceId || !idSchema.safeParse(checkoutId).success) throw new NotFoundError("Payment");
  const [attempt] = await db
    .select({ id: cardCheckouts.id, memberId: invoices.memberId })
    .from(cardCheckouts)
    .innerJoin(invoices, and(eq(invoices.id, cardCheckouts.invoiceId), eq(invoices.dojoId, cardCheckouts.dojoId)))
    .where(and(eq(cardCheckouts.id, checkoutId!), eq(cardCheckouts.dojoId, input.dojoId), eq(cardCheckouts.invoiceId, invoiceId)));
  // A member confirms only a payment of their own invoice.
  const memberId = memberOf(input);
  if (!attempt || (memberId && attempt.memberId !== memberId)) throw new NotFoundError("Payment");
  // Still waiting for the card holder means they closed the challenge: treat it as failed.
  if (pi.status === "requires_action") throw refused("card_payment.authentication_failed");
  return settle(db, input.dojoId, pi, staffOf(input), connection.publishableKey, invoiceId);
}
