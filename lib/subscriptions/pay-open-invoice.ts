import "server-only";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";
import { savedCardOf } from "@/lib/payments/card/saved-card";
import { idSchema } from "@/lib/validation/common";
import { isStripeError } from "@/lib/stripe/errors";
import { stripeFailure } from "./stripe-failure";
import { syncStripeInvoice } from "./sync-invoice";
import { retrieveAndSyncSubscription } from "./sync-subscription";
import { idOf } from "@/lib/stripe/objects";
import { asPayer, type Payer } from "@/lib/families/payer";

export type OpenInvoicePayment = { status: "paid" } | { status: "requires_action"; clientSecret: string; publishableKey: string };

/**
 * A subscription invoice of this payer, as their card link or members area may show it: a
 * member's (a paying member's family invoices are booked under them), or any invoice addressed
 * to a contact-paid family.
 */
export async function memberSubscriptionInvoice(db: DbOrTx, dojoId: string, holder: string | Payer, invoiceId: string): Promise<Invoice & { stripeInvoiceId: string }> {
  if (!idSchema.safeParse(invoiceId).success) throw new NotFoundError("Invoice");
  const payer = asPayer(holder);
  const [invoice] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, invoiceId), eq(invoices.dojoId, dojoId), payer.kind === "member" ? eq(invoices.memberId, payer.memberId) : eq(invoices.familyId, payer.familyId)));
  if (!invoice?.stripeInvoiceId) throw new NotFoundError("Invoice");
  return invoice as Invoice & { stripeInvoiceId: string };
}

/** Stripe's word on the invoice and its subscription, mirrored into ours (the webhooks would do the same a moment later). */
export async function settleSubscriptionInvoice(db: Db, stripe: Stripe, dojoId: string, stripeInvoiceId: string) {
  return db.transaction(async (tx) => {
    const synced = await syncStripeInvoice(tx, stripe, dojoId, stripeInvoiceId);
    const subscriptionId = idOf(synced?.stripeInvoice.parent?.subscription_details?.subscription);
    if (subscriptionId) await retrieveAndSyncSubscription(tx, stripe, dojoId, subscriptionId);
    return synced;
  });
}

const clientSecretOf = (pi: Stripe.PaymentIntent | null | undefined) => (pi?.status === "requires_action" && pi.client_secret ? pi.client_secret : null);

/**
 * The member pays an unpaid subscription invoice, with the card holder present: a payment that
 * waits for the bank's confirmation (PSD2) hands its client secret to Stripe.js; a declined one
 * is tried again on the customer's default card (which they may just have replaced). Stripe
 * collects the invoice itself, so the subscription becomes active again.
 */
export async function payOpenSubscriptionInvoice(
  db: Db,
  stripe: Stripe,
  input: { dojoId: string; payer: string | Payer; invoiceId: string; customerId: string; publishableKey: string },
): Promise<OpenInvoicePayment> {
  const invoice = await memberSubscriptionInvoice(db, input.dojoId, input.payer, input.invoiceId);
  if (invoice.status === "paid") return { status: "paid" };
  if (invoice.status !== "open") throw refused("subscription_invoice.void");
  let synced;
  try {
    synced = await settleSubscriptionInvoice(db, stripe, input.dojoId, invoice.stripeInvoiceId);
  } catch (error) {
    throw stripeFailure(error, "reading the invoice");
  }
  if (!synced || synced.state === "paid") return { status: "paid" };
  // Its SEPA debit is still with the bank: paying again could take the money twice.
  if (synced.state === "processing") throw refused("card_payment.processing");
  const waiting = clientSecretOf(synced.paymentIntent);
  if (waiting) return { status: "requires_action", clientSecret: waiting, publishableKey: input.publishableKey };

  const card = await savedCardOf(stripe, input.customerId);
  if (!card) throw refused("subscription_invoice.no_card");
  try {
    await stripe.invoices.pay(invoice.stripeInvoiceId, { payment_method: card.paymentMethodId, off_session: false }, { idempotencyKey: `pay-invoice-${invoice.id}-${synced.stripeInvoice.attempt_count}-${card.paymentMethodId}` });
  } catch (error) {
    const pi = isStripeError(error) ? (error.payment_intent as Stripe.PaymentIntent | undefined) : undefined;
    const secret = isStripeError(error) && error.code === "invoice_payment_intent_requires_action" ? (pi?.client_secret ?? null) : null;
    if (secret) return { status: "requires_action", clientSecret: secret, publishableKey: input.publishableKey };
    if (isStripeError(error) && error.type === "StripeCardError") throw refused("subscription_invoice.declined", { stripeMessage: error.message });
    throw stripeFailure(error, "paying the invoice");
  }
  const after = await settleSubscriptionInvoice(db, stripe, input.dojoId, invoice.stripeInvoiceId);
  if (after?.state !== "paid") throw refused("subscription_invoice.not_confirmed");
  return { status: "paid" };
}
