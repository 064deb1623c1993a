import "server-only";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { dojos, invoices, members, payments } from "@/db/schema";
import PaymentReceipt from "@/emails/payment-receipt";
import { sendMail, type MailResult } from "@/lib/mail/send";
import { formatMoney } from "@/lib/money";

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", jcb: "JCB", diners: "Diners Club", unionpay: "UnionPay", cartes_bancaires: "Cartes Bancaires" };

/** "Visa •••• 4242" from what Stripe says about the card that paid, when it says it. */
export function cardLabel(pi: Stripe.PaymentIntent): string | null {
  const charge = pi.latest_charge && typeof pi.latest_charge === "object" ? pi.latest_charge : null;
  const method = pi.payment_method && typeof pi.payment_method === "object" ? pi.payment_method : null;
  const card = charge?.payment_method_details?.card ?? method?.card ?? null;
  if (!card?.last4) return null;
  return `${BRANDS[card.brand ?? ""] ?? card.brand ?? "Card"} •••• ${card.last4}`;
}

const longDate = (d: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(d);

/**
 * Mails the member a receipt for a card payment. Called after the payment's transaction has
 * committed; the idempotency key makes the browser confirmation and a repeated call send one
 * mail. A member without an e-mail address gets none.
 */
export async function sendPaymentReceipt(db: DbOrTx, paymentId: string, pi?: Stripe.PaymentIntent): Promise<MailResult> {
  const [row] = await db
    .select({ payment: payments, invoice: invoices, member: { firstName: members.firstName, lastName: members.lastName, email: members.email }, dojoName: dojos.name })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .innerJoin(members, eq(members.id, invoices.memberId))
    .innerJoin(dojos, eq(dojos.id, payments.dojoId))
    .where(eq(payments.id, paymentId));
  if (!row) return { sent: false, reason: "payment not found" };
  if (!row.member.email) return { sent: false, reason: "the member has no e-mail address" };
  const { payment, invoice } = row;
  const openMinor = invoice.totalMinor - invoice.paidMinor;
  return sendMail({
    dojoName: row.dojoName,
    to: row.member.email,
    subject: `Receipt: ${formatMoney(payment.amountMinor, payment.currency)} for invoice ${invoice.number}`,
    react: createElement(PaymentReceipt, {
      dojoName: row.dojoName,
      memberName: `${row.member.firstName} ${row.member.lastName}`,
      invoiceNumber: invoice.number ?? "",
      amount: formatMoney(payment.amountMinor, payment.currency),
      paidOn: longDate(payment.paidAt),
      card: pi ? cardLabel(pi) : null,
      settled: invoice.status === "paid",
      stillOpen: openMinor > 0 ? formatMoney(openMinor, invoice.currency) : null,
    }),
    idempotencyKey: `payment-receipt-${payment.id}`,
  });
}
