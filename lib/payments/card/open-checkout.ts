import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cardCheckouts } from "@/db/schema";
import { env } from "@/lib/env";
import { stripeForDojo } from "@/lib/stripe/connection";
import { invoicePaymentMetadata } from "./metadata";
import { payableInvoice } from "./payable-invoice";
import { cardPaymentFailure } from "./stripe-failure";

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
 * Opens an embedded Checkout Session for what is still open on an invoice. The card_checkouts
 * row is written first: its id is the idempotency key of the create call, so the SDK's retries
 * after a timeout or a 5xx can never open a second session. When Stripe fails for good the row
 * is removed again and the invoice is as it was.
 */
export async function openInvoiceCheckout(db: Db, input: OpenCheckoutInput): Promise<OpenedCheckout> {
  const { stripe, connection } = await stripeForDojo(db, input.dojoId);
  const memberId = "memberId" in input.opener ? input.opener.memberId : undefined;
  const { invoice, member, openMinor } = await payableInvoice(db, { dojoId: input.dojoId, memberId }, input.invoiceId, connection);

  const [checkout] = await db
    .insert(cardCheckouts)
    .values({
      dojoId: input.dojoId,
      invoiceId: invoice.id,
      amountMinor: openMinor,
      currency: invoice.currency,
      openedByStaff: "staffId" in input.opener ? input.opener.staffId : null,
      openedByMember: memberId ?? null,
    })
    .returning();

  const metadata = invoicePaymentMetadata(input.dojoId, invoice.id, checkout.id);
  const returnPath = memberId ? `/portal/invoices/${invoice.id}` : `/invoices/${invoice.id}`;
  let session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        // Cards only: they settle at once, so the payment is recorded when Checkout completes.
        allowed_payment_method_types: ["card"],
        ui_mode: "embedded_page",
        // Cards finish inside the page (onComplete); only a redirecting method goes to return_url.
        redirect_on_completion: "if_required",
        return_url: checkoutReturnUrl(returnPath),
        line_items: [
          {
            quantity: 1,
            // Our minor units are Stripe's, zero-decimal currencies (JPY) included.
            price_data: { currency: invoice.currency.toLowerCase(), unit_amount: openMinor, product_data: { name: `Invoice ${invoice.number}` } },
          },
        ],
        ...(member.stripeCustomerId ? { customer: member.stripeCustomerId } : member.email ? { customer_email: member.email } : {}),
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
  if (!session.client_secret) throw cardPaymentFailure(new Error(`Checkout Session ${session.id} has no client secret`), "opening Checkout");
  await db.update(cardCheckouts).set({ stripeSessionId: session.id }).where(eq(cardCheckouts.id, checkout.id));
  return { clientSecret: session.client_secret, publishableKey: connection.publishableKey, sessionId: session.id };
}
