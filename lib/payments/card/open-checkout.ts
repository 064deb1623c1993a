import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { cardCheckouts, type CardCheckout, type StripeConnection } from "@/db/schema";
import { refused, unavailable } from "@/lib/errors";
import { transactionThen } from "@/lib/after-commit";
import { env } from "@/lib/env";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { checkoutMethods } from "@/lib/stripe/payment-methods";
import { claimCheckout, type CheckoutClaim } from "./claim-checkout";
import { queueCheckoutExpiry } from "./end-checkouts";
import { expireCheckouts } from "./expire-checkouts";
import { invoicePaymentMetadata } from "./metadata";
import { retrieveCheckoutSession } from "./retrieve";
import { settleConfirmedPayment, settlePaidSessions } from "./settle-confirmed-payment";
import { cardPaymentFailure } from "./stripe-failure";
import { memberLocale } from "@/lib/i18n/member-locale";

export interface OpenCheckoutInput {
  dojoId: string;
  invoiceId: string;
  /** Who opens it: staff at the desk, or the member in the members area (own invoices only). */
  opener: { staffId: string } | { memberId: string };
}

export interface OpenedCheckout {
  clientSecret: string;
  /** Public by design: Stripe.js needs it in the browser. */
  publishableKey: string;
  sessionId: string;
}

export const CHECKOUT_RETURN_PARAM = "checkout_session";

/** Where Stripe sends the browser back when it must leave the page (Stripe fills in the id). */
export function checkoutReturnUrl(path: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}${path}?${CHECKOUT_RETURN_PARAM}={CHECKOUT_SESSION_ID}`;
}

/**
 * Opens embedded Checkout for what is still open on an invoice, keeping to one payable session per
 * invoice (claimCheckout): the open one is handed out again while it fits (a second tab gets the
 * same session, so it cannot be paid twice), otherwise it is expired at Stripe before a new one
 * opens. A session found paid on the way is settled first.
 */
export async function openInvoiceCheckout(db: Db, input: OpenCheckoutInput): Promise<OpenedCheckout> {
  const { stripe, connection } = await stripeForDojo(db, input.dojoId);
  const memberId = "memberId" in input.opener ? input.opener.memberId : undefined;
  const staffId = "staffId" in input.opener ? input.opener.staffId : undefined;
  const waitUntil = Date.now() + 15_000;
  for (let round = 0; round < 50; round++) {
    const claim = await db.transaction((tx) => claimCheckout(tx, { dojoId: input.dojoId, invoiceId: input.invoiceId, memberId, staffId }, connection));
    if (claim.kind === "new") return createSession(db, stripe, connection, claim, memberId);
    if (claim.kind === "reuse") {
      const reused = await reuseSession(db, stripe, connection, claim.row, staffId ?? null);
      if (reused) return reused;
    } else if (claim.kind === "expire-first") {
      let paidSessionIds: string[];
      try {
        ({ paidSessionIds } = await expireCheckouts(db, input.dojoId, claim.checkoutIds));
      } catch (error) {
        console.error("Could not expire an earlier Checkout Session", error);
        throw unavailable("card_payment.earlier_page_not_closed");
      }
      await settlePaidSessions(db, stripe, input.dojoId, paidSessionIds, staffId ?? null);
    } else {
      if (Date.now() > waitUntil) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw unavailable("card_payment.checkout_opening_elsewhere");
}

/** The open session again, if Stripe still has it open; null when it ended (a paid one is settled). */
async function reuseSession(db: Db, stripe: Stripe, connection: StripeConnection, row: CardCheckout, staffId: string | null): Promise<OpenedCheckout | null> {
  let session: Stripe.Checkout.Session;
  try {
    session = await retrieveCheckoutSession(stripe, row.stripeSessionId!);
  } catch (error) {
    if (!isMissingInStripe(error)) throw cardPaymentFailure(error, "reading the open Checkout Session");
    await db.update(cardCheckouts).set({ status: "closed" }).where(eq(cardCheckouts.id, row.id));
    return null;
  }
  if (session.status === "open" && session.client_secret) return { clientSecret: session.client_secret, publishableKey: connection.publishableKey, sessionId: session.id };
  if (session.status === "open") {
    // Open but not usable here: it must not stay payable next to a new one.
    await transactionThen(db, async (tx, afterCommit) => {
      await tx.update(cardCheckouts).set({ status: "expiring" }).where(eq(cardCheckouts.id, row.id));
      await queueCheckoutExpiry(tx, row.dojoId, [row.id], afterCommit);
    });
    return null;
  }
  const pi = session.payment_intent;
  if (session.payment_status === "paid" && pi && typeof pi === "object" && pi.status === "succeeded") await settleConfirmedPayment(db, row.dojoId, pi, staffId);
  await db.update(cardCheckouts).set({ status: "closed" }).where(eq(cardCheckouts.id, row.id));
  return null;
}

/**
 * Creates the session for a claimed slot. The card_checkouts row is written first: its id is the
 * idempotency key of the create call, so the SDK's retries after a timeout or a 5xx can never open
 * a second session. When Stripe fails for good the row is removed again and the invoice is as it
 * was. When the invoice changed meanwhile (paid, voided) the new session is expired at once.
 */
async function createSession(db: Db, stripe: Stripe, connection: StripeConnection, claim: Extract<CheckoutClaim, { kind: "new" }>, memberId: string | undefined): Promise<OpenedCheckout> {
  const { row: checkout } = claim;
  const { invoice, member, openMinor } = claim.payable;
  const metadata = invoicePaymentMetadata(checkout.dojoId, invoice.id, checkout.id);
  const returnPath = memberId ? `/portal/invoices/${invoice.id}` : `/invoices/${invoice.id}`;
  let session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        // The dojo's methods. Cards, iDEAL and Bancontact settle at once; a SEPA debit completes
        // the session unpaid and is recorded only when it succeeds (lib/payments/card/delayed-checkout.ts).
        allowed_payment_method_types: checkoutMethods(connection, "payment"),
        ui_mode: "embedded_page",
        // Cards finish inside the page (onComplete); only a redirecting method goes to return_url.
        redirect_on_completion: "if_required",
        return_url: checkoutReturnUrl(returnPath),
        // See CHECKOUT_LIFETIME_MS: Stripe's default would keep it payable for a day.
        expires_at: Math.floor(checkout.expiresAt!.getTime() / 1000),
        line_items: [
          {
            quantity: 1,
            // Our minor units are Stripe's, zero-decimal currencies (JPY) included.
            price_data: { currency: invoice.currency.toLowerCase(), unit_amount: openMinor, product_data: { name: `Invoice ${invoice.number}` } },
          },
        ],
        ...(member.stripeCustomerId ? { customer: member.stripeCustomerId } : member.email ? { customer_email: member.email } : {}),
        // Stripe's page in the member's language (Checkout supports each of ours).
        locale: await memberLocale(db, checkout.dojoId, member.id),
        client_reference_id: invoice.id,
        metadata,
        payment_intent_data: { metadata, description: `Invoice ${invoice.number}` },
      },
      { idempotencyKey: `checkout-${checkout.id}` },
    );
  } catch (error) {
    await db.delete(cardCheckouts).where(eq(cardCheckouts.id, checkout.id));
    throw cardPaymentFailure(error, "opening Checkout");
  }
  const [opened] = await db
    .update(cardCheckouts)
    .set({ stripeSessionId: session.id, status: "open" })
    .where(and(eq(cardCheckouts.id, checkout.id), eq(cardCheckouts.status, "opening")))
    .returning();
  if (!opened || !session.client_secret) {
    // Ended while Stripe was opening it (the invoice was paid or voided), or unusable: never handed out.
    await transactionThen(db, async (tx, afterCommit) => {
      await tx.update(cardCheckouts).set({ stripeSessionId: session.id, status: "expiring" }).where(eq(cardCheckouts.id, checkout.id));
      await queueCheckoutExpiry(tx, checkout.dojoId, [checkout.id], afterCommit);
    });
    if (!session.client_secret) throw cardPaymentFailure(new Error(`Checkout Session ${session.id} has no client secret`), "opening Checkout");
    throw refused("card_payment.invoice_changed");
  }
  return { clientSecret: session.client_secret, publishableKey: connection.publishableKey, sessionId: session.id };
}
