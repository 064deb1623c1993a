import "server-only";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { dojos, members } from "@/db/schema";
import CardAdded from "@/emails/card-added";
import PaymentAuthenticationNeeded from "@/emails/payment-authentication-needed";
import SubscriptionPaymentFailed from "@/emails/subscription-payment-failed";
import { cardName } from "@/components/stripe/brand";
import { liveCardLink } from "@/lib/card-links/live-card-link";
import { sendMail, type MailResult } from "@/lib/mail/send";
import { formatMoney } from "@/lib/money";
import type { SyncedInvoice } from "./sync-invoice";

async function recipient(db: DbOrTx, dojoId: string, memberId: string) {
  const [row] = await db
    .select({ firstName: members.firstName, email: members.email, dojoName: dojos.name })
    .from(members)
    .innerJoin(dojos, eq(dojos.id, members.dojoId))
    .where(and(eq(members.id, memberId), eq(members.dojoId, dojoId)));
  return row ?? null;
}

/** Where the member pays or authenticates an unpaid subscription invoice: their card link page. */
export async function payInvoiceUrl(db: DbOrTx, dojoId: string, memberId: string, invoiceId: string): Promise<string> {
  const { url } = await liveCardLink(db, dojoId, memberId);
  return `${url}?invoice=${invoiceId}`;
}

/**
 * Tells the member an unpaid subscription invoice needs them: their bank's confirmation (PSD2)
 * or another card. The idempotency keys (per Stripe invoice and attempt) make the two events
 * Stripe sends for one attempt, and their redeliveries, one mail.
 */
export async function notifyUnpaidInvoice(db: DbOrTx, dojoId: string, synced: SyncedInvoice): Promise<MailResult | null> {
  if (synced.state !== "failed" && synced.state !== "action_required") return null;
  const to = await recipient(db, dojoId, synced.memberId);
  if (!to?.email) return { sent: false, reason: "the member has no e-mail address" };
  const { invoice, stripeInvoice } = synced;
  const amount = formatMoney(invoice.totalMinor - invoice.paidMinor, invoice.currency);
  const url = await payInvoiceUrl(db, dojoId, synced.memberId, invoice.id);
  const attempt = `${stripeInvoice.id}-${stripeInvoice.attempt_count}`;
  if (synced.state === "action_required") {
    return sendMail({
      dojoName: to.dojoName,
      to: to.email,
      subject: `Please confirm your payment of ${amount} to ${to.dojoName}`,
      react: createElement(PaymentAuthenticationNeeded, { dojoName: to.dojoName, memberFirstName: to.firstName, amount, invoiceNumber: invoice.number ?? "", authenticateUrl: url }),
      idempotencyKey: `subscription-auth-${attempt}`,
    });
  }
  return sendMail({
    dojoName: to.dojoName,
    to: to.email,
    subject: `Your payment of ${amount} to ${to.dojoName} did not go through`,
    react: createElement(SubscriptionPaymentFailed, {
      dojoName: to.dojoName,
      memberFirstName: to.firstName,
      amount,
      invoiceNumber: invoice.number ?? "",
      reason: synced.paymentIntent?.last_payment_error?.message ?? null,
      payUrl: url,
    }),
    idempotencyKey: `subscription-failed-${attempt}`,
  });
}

export async function notifyCardAdded(db: DbOrTx, stripe: Stripe, dojoId: string, memberId: string, paymentMethodId: string): Promise<MailResult> {
  const to = await recipient(db, dojoId, memberId);
  if (!to?.email) return { sent: false, reason: "the member has no e-mail address" };
  const pm = await stripe.paymentMethods.retrieve(paymentMethodId);
  if (!pm.card) return { sent: false, reason: "not a card" };
  const card = cardName(pm.card);
  return sendMail({
    dojoName: to.dojoName,
    to: to.email,
    subject: `Your card is saved with ${to.dojoName}`,
    react: createElement(CardAdded, { dojoName: to.dojoName, memberFirstName: to.firstName, card }),
    idempotencyKey: `card-added-${paymentMethodId}`,
  });
}
