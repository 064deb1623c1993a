import "server-only";
import { translator } from "@/lib/i18n/messages";
import { moneyLocale, resolveLocale } from "@/lib/i18n/locales";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { dojos, families, invoices, members, payments, type Payment } from "@/db/schema";
import PaymentReceipt from "@/emails/payment-receipt";
import { mailJob } from "@/lib/mail/enqueue-mail";
import { enqueueJob, type NewJob } from "@/lib/jobs/queue";
import { defineMail } from "@/lib/mail/mail-kind";
import { formatMoney } from "@/lib/money";
import { invoicePdfAttachment } from "@/lib/invoices/pdf/attachment";
import { stripeForDojo } from "@/lib/stripe/connection";
import { retrievePaymentIntent } from "./retrieve";
import { contactPayerOfInvoice, invoiceRecipient, recipientColumns } from "@/lib/invoices/recipient";
import { formatLongDate } from "@/lib/dates";

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", jcb: "JCB", diners: "Diners Club", unionpay: "UnionPay", cartes_bancaires: "Cartes Bancaires" };

/** "Visa •••• 4242" from what Stripe says about the card that paid, when it says it. */
export function cardLabel(pi: Stripe.PaymentIntent): string | null {
  const charge = pi.latest_charge && typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const method = pi.payment_method && typeof pi.payment_method === "object" ? pi.payment_method : null;
  const card = charge?.payment_method_details?.card ?? method?.card ?? null;
  if (!card?.last4) return null;
  return `${BRANDS[card.brand ?? ""] ?? card.brand ?? "Card"} •••• ${card.last4}`;
}


/**
 * The card that paid, when the path that recorded the payment did not know it (a signed
 * payment_intent.succeeded is trusted as sent, and names no card): asked of Stripe when the mail
 * is composed, outside any transaction. A receipt without it is still a receipt.
 */
async function cardOfPayment(db: DbOrTx, payment: Payment): Promise<string | null> {
  if (payment.method !== "card" || !payment.stripePaymentIntentId) return null;
  try {
    const { stripe } = await stripeForDojo(db, payment.dojoId);
    return cardLabel(await retrievePaymentIntent(stripe, payment.stripePaymentIntentId));
  } catch (error) {
    console.error(`Receipt for payment ${payment.id}: the card could not be read from Stripe`, error);
    return null;
  }
}

/**
 * The member's receipt for a card payment (an invoice paid at the desk, in the members area, by a
 * saved card, or a subscription's Stripe invoice: the first payment and every renewal), with the
 * invoice PDF attached. `card` is kept in the job because only Stripe
 * knows it and it never changes (or read when sent, when unknown); the rest (amounts, what is
 * still open) is read when it is sent.
 */
export const paymentReceiptMail = defineMail<{ paymentId: string; card: string | null }>({
  name: "payment-receipt",
  label: "Payment receipt",
  async compose(db, { paymentId, card }) {
    const [row] = await db
      .select({ payment: payments, invoice: invoices, recipient: recipientColumns, dojoName: dojos.name, timeZone: dojos.timeZone, defaultLanguage: dojos.defaultLanguage })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .innerJoin(members, eq(members.id, invoices.memberId))
      .leftJoin(families, contactPayerOfInvoice)
      .innerJoin(dojos, eq(dojos.id, payments.dojoId))
      .where(eq(payments.id, paymentId));
    if (!row) return { skip: "the payment no longer exists" };
    const to = invoiceRecipient(row.recipient);
    if (!to.email) return { skip: "the member has no e-mail address" };
    const { payment, invoice } = row;
    const openMinor = invoice.totalMinor - invoice.paidMinor;
    const locale = resolveLocale(to.language, row.defaultLanguage);
    const amount = formatMoney(payment.amountMinor, payment.currency, moneyLocale(locale));
    return {
      dojoName: row.dojoName,
      to: to.email,
      subject: translator(locale, "emails.receipt")("subject", { amount, number: invoice.number ?? "" }),
      react: createElement(PaymentReceipt, {
        locale,
        text: translator(locale, "emails"),
        dojoName: row.dojoName,
        memberName: to.name,
        invoiceNumber: invoice.number ?? "",
        amount,
        paidOn: formatLongDate(payment.paidAt, row.timeZone, locale),
        card: card ?? (await cardOfPayment(db, payment)),
        settled: invoice.status === "paid",
        stillOpen: openMinor > 0 ? formatMoney(openMinor, invoice.currency, moneyLocale(locale)) : null,
      }),
      // The invoice with this payment on it: what the member's bookkeeping needs.
      attachments: await invoicePdfAttachment(db, invoice.dojoId, invoice.id),
    };
  },
});

/**
 * THE way a payment gets its receipt: call it in the transaction that records the payment. The
 * mail goes out once that commits, once per payment however many paths (browser, webhooks,
 * reconciliation) record or re-find it. `pi`, when at hand, names the card on the receipt.
 */
export async function queuePaymentReceipt(tx: DbOrTx, payment: { id: string; dojoId: string }, pi?: Stripe.PaymentIntent | null): Promise<void> {
  await enqueueJob(tx, paymentReceiptJob(payment, pi));
}

/** queuePaymentReceipt's job, for the statement that records the payment (storePayment's `jobs`). */
export function paymentReceiptJob(payment: { id: string; dojoId: string }, pi?: Stripe.PaymentIntent | null): NewJob {
  return mailJob(paymentReceiptMail, { dojoId: payment.dojoId, cause: payment.id, params: { paymentId: payment.id, card: pi ? cardLabel(pi) : null } });
}
