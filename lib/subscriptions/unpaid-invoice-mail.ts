import "server-only";
import { translator } from "@/lib/i18n/messages";
import { moneyLocale, resolveLocale } from "@/lib/i18n/locales";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { dojos, families, invoices, members } from "@/db/schema";
import { contactPayerOfInvoice, invoiceRecipient, recipientColumns } from "@/lib/invoices/recipient";
import PaymentAuthenticationNeeded from "@/emails/payment-authentication-needed";
import SubscriptionPaymentFailed from "@/emails/subscription-payment-failed";
import { liveCardLink } from "@/lib/card-links/live-card-link";
import type { Payer } from "@/lib/families/payer";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail, type Composition } from "@/lib/mail/mail-kind";
import { formatMoney } from "@/lib/money";
import type { SyncedInvoice } from "./sync-invoice";

/** Where the payer pays or authenticates an unpaid subscription invoice: their card link page (a contact-paid family's own). */
export async function payInvoiceUrl(db: DbOrTx, dojoId: string, payer: string | Payer, invoiceId: string): Promise<string> {
  const { url } = await liveCardLink(db, dojoId, payer);
  return `${url}?invoice=${invoiceId}`;
}

type Params = { dojoId: string; invoiceId: string; reason: string | null };

/** The unpaid invoice as it is now, or why there is nothing to send (paid or void: the member acted already). */
async function unpaidInvoice(db: Db, { dojoId, invoiceId }: Params) {
  const [row] = await db
    .select({ invoice: invoices, recipient: recipientColumns, dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage })
    .from(invoices)
    .innerJoin(members, and(eq(members.id, invoices.memberId), eq(members.dojoId, invoices.dojoId)))
    .leftJoin(families, contactPayerOfInvoice)
    .innerJoin(dojos, eq(dojos.id, invoices.dojoId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.dojoId, dojoId)));
  if (!row) return "the invoice no longer exists";
  if (row.invoice.status !== "open") return `the invoice is ${row.invoice.status} now`;
  const to = invoiceRecipient(row.recipient);
  if (!to.email) return "the member has no e-mail address";
  const locale = resolveLocale(to.language, row.defaultLanguage);
  const amount = formatMoney(row.invoice.totalMinor - row.invoice.paidMinor, row.invoice.currency, moneyLocale(locale));
  const payer: Payer = to.isContact ? { kind: "family", familyId: row.invoice.familyId! } : { kind: "member", memberId: row.invoice.memberId };
  const url = await payInvoiceUrl(db, dojoId, payer, invoiceId);
  return { ...row, firstName: to.firstName, email: to.email, locale, amount, url, invoiceNumber: row.invoice.number ?? "" };
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
      subject: translator(found.locale, "emails.authenticationNeeded")("preview", { amount: found.amount, dojo: found.dojoName }),
      react: createElement(PaymentAuthenticationNeeded, { locale: found.locale, text: translator(found.locale, "emails"), dojoName: found.dojoName, memberFirstName: found.firstName, amount: found.amount, invoiceNumber: found.invoiceNumber, authenticateUrl: found.url }),
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
      subject: translator(found.locale, "emails.paymentFailed")("preview", { amount: found.amount, dojo: found.dojoName }),
      react: createElement(SubscriptionPaymentFailed, { locale: found.locale, text: translator(found.locale, "emails"), dojoName: found.dojoName, memberFirstName: found.firstName, amount: found.amount, invoiceNumber: found.invoiceNumber, reason: params.reason, payUrl: found.url }),
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
  // A returned SEPA debit has its own mail (debit-failed), to the member and the owners.
  if (synced.debitFailed) return;
  const kind = synced.state === "action_required" ? paymentAuthenticationNeededMail : subscriptionPaymentFailedMail;
  await enqueueMail(tx, kind, {
    dojoId,
    cause: `${synced.stripeInvoice.id}:${synced.stripeInvoice.attempt_count}`,
    params: { dojoId, invoiceId: synced.invoice.id, reason: synced.paymentIntent?.last_payment_error?.message ?? null },
  });
}
