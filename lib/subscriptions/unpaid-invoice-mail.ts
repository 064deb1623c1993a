import "server-only";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { dojos, invoices, members } from "@/db/schema";
import PaymentAuthenticationNeeded from "@/emails/payment-authentication-needed";
import SubscriptionPaymentFailed from "@/emails/subscription-payment-failed";
import { liveCardLink } from "@/lib/card-links/live-card-link";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail, type Composition } from "@/lib/mail/mail-kind";
import { formatMoney } from "@/lib/money";
import type { SyncedInvoice } from "./sync-invoice";

/** Where the member pays or authenticates an unpaid subscription invoice: their card link page. */
export async function payInvoiceUrl(db: DbOrTx, dojoId: string, memberId: string, invoiceId: string): Promise<string> {
  const { url } = await liveCardLink(db, dojoId, memberId);
  return `${url}?invoice=${invoiceId}`;
}

type Params = { dojoId: string; invoiceId: string; reason: string | null };

/** The unpaid invoice as it is now, or why there is nothing to send (paid or void: the member acted already). */
async function unpaidInvoice(db: Db, { dojoId, invoiceId }: Params) {
  const [row] = await db
    .select({ invoice: invoices, firstName: members.firstName, email: members.email, dojoName: dojos.name })
    .from(invoices)
    .innerJoin(members, and(eq(members.id, invoices.memberId), eq(members.dojoId, invoices.dojoId)))
    .innerJoin(dojos, eq(dojos.id, invoices.dojoId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.dojoId, dojoId)));
  if (!row) return "the invoice no longer exists";
  if (row.invoice.status !== "open") return `the invoice is ${row.invoice.status} now`;
  if (!row.email) return "the member has no e-mail address";
  const amount = formatMoney(row.invoice.totalMinor - row.invoice.paidMinor, row.invoice.currency);
  const url = await payInvoiceUrl(db, dojoId, row.invoice.memberId, invoiceId);
  return { ...row, email: row.email, amount, url, invoiceNumber: row.invoice.number ?? "" };
}

/** A renewal (or first payment) the bank wants the member to confirm (PSD2). */
export const paymentAuthenticationNeededMail = defineMail<Params>({
  name: "payment-authentication-needed",
  label: "Payment needs confirming",
  async compose(db, params): Promise<Composition> {
    const found = await unpaidInvoice(db, params);
    if (typeof found === "string") return { skip: found };
    return {
      dojoName: found.dojoName,
      to: found.email,
      subject: `Please confirm your payment of ${found.amount} to ${found.dojoName}`,
      react: createElement(PaymentAuthenticationNeeded, { dojoName: found.dojoName, memberFirstName: found.firstName, amount: found.amount, invoiceNumber: found.invoiceNumber, authenticateUrl: found.url }),
    };
  },
});

/** A renewal (or first payment) the card declined; `reason` is Stripe's message for that attempt. */
export const subscriptionPaymentFailedMail = defineMail<Params>({
  name: "subscription-payment-failed",
  label: "Subscription payment failed",
  async compose(db, params): Promise<Composition> {
    const found = await unpaidInvoice(db, params);
    if (typeof found === "string") return { skip: found };
    return {
      dojoName: found.dojoName,
      to: found.email,
      subject: `Your payment of ${found.amount} to ${found.dojoName} did not go through`,
      react: createElement(SubscriptionPaymentFailed, { dojoName: found.dojoName, memberFirstName: found.firstName, amount: found.amount, invoiceNumber: found.invoiceNumber, reason: params.reason, payUrl: found.url }),
    };
  },
});

/**
 * Tells the member an unpaid subscription invoice needs them: their bank's confirmation or
 * another card. Queued in the transaction that synced the invoice; one mail per Stripe invoice
 * and attempt, so the two events Stripe sends for one attempt, and their redeliveries, mail once.
 */
export async function queueUnpaidInvoiceMail(tx: DbOrTx, dojoId: string, synced: SyncedInvoice): Promise<void> {
  if (synced.state !== "failed" && synced.state !== "action_required") return;
  const kind = synced.state === "action_required" ? paymentAuthenticationNeededMail : subscriptionPaymentFailedMail;
  await enqueueMail(tx, kind, {
    dojoId,
    cause: `${synced.stripeInvoice.id}:${synced.stripeInvoice.attempt_count}`,
    params: { dojoId, invoiceId: synced.invoice.id, reason: synced.paymentIntent?.last_payment_error?.message ?? null },
  });
}
