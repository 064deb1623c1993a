import "server-only";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cardCheckouts, dojos, invoices, members, staffUsers } from "@/db/schema";
import DebitFailed from "@/emails/debit-failed";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { memberFullName } from "@/lib/members/full-name";
import { formatMoney } from "@/lib/money";
import { translator } from "@/lib/i18n/messages";
import { moneyLocale, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from "@/lib/stripe/payment-methods";

type Params = { checkoutId: string; reason: string | null } & ({ audience: "member" } | { audience: "staff"; staffId: string });

/**
 * "Your SEPA payment did not go through" to the member (with the invoice in the members area) and
 * to each active owner (with the invoice in the dashboard). Composed from the checkout row, which
 * keeps the amount and the method; skipped when the invoice got paid meanwhile.
 */
export const debitFailedMail = defineMail<Params>({
  name: "debit-failed",
  label: "Failed bank payment notice",
  async compose(db, params) {
    const [row] = await db
      .select({ checkout: cardCheckouts, invoice: { id: invoices.id, number: invoices.number, status: invoices.status }, email: members.email, language: members.language, memberName: memberFullName(), dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage })
      .from(cardCheckouts)
      .innerJoin(invoices, eq(invoices.id, cardCheckouts.invoiceId))
      .innerJoin(members, eq(members.id, invoices.memberId))
      .innerJoin(dojos, eq(dojos.id, cardCheckouts.dojoId))
      .where(eq(cardCheckouts.id, params.checkoutId));
    if (!row) return { skip: "the payment is gone" };
    if (row.invoice.status === "paid") return { skip: "the invoice was paid meanwhile" };
    let to = row.email;
    if (params.audience === "staff") {
      const [owner] = await db.select({ email: staffUsers.email, active: staffUsers.active }).from(staffUsers).where(and(eq(staffUsers.id, params.staffId), eq(staffUsers.dojoId, row.checkout.dojoId)));
      if (!owner?.active) return { skip: "the owner is no longer active" };
      to = owner.email;
    }
    if (!to) return { skip: "the member has no e-mail address" };
    // The member reads it in their language; the dojo's copy in the dashboard's (English).
    const locale: Locale = params.audience === "member" ? resolveLocale(row.language, row.defaultLanguage) : "en";
    const t = translator(locale, "emails.debitFailed");
    const amount = formatMoney(row.checkout.amountMinor, row.checkout.currency, moneyLocale(locale));
    const method = PAYMENT_METHOD_LABELS[(row.checkout.delayedMethod ?? "sepa_debit") as PaymentMethod] ?? "bank";
    const base = env().APP_URL.replace(/\/$/, "");
    const url = params.audience === "member" ? `${base}/portal/invoices/${row.invoice.id}` : `${base}/invoices/${row.invoice.id}`;
    const invoiceNumber = row.invoice.number ?? "";
    return {
      dojoName: row.dojoName,
      to,
      subject: t(`${params.audience}Subject`, { amount, method, name: row.memberName, number: invoiceNumber }),
      react: createElement(DebitFailed, { locale, text: translator(locale, "emails"), dojoName: row.dojoName, audience: params.audience, memberName: row.memberName, amount, invoiceNumber, method, reason: params.reason, url }),
    };
  },
});

/** Queued with the failure: the member once, each active owner once. */
export async function queueDebitFailedMails(tx: DbOrTx, checkout: { id: string; dojoId: string }, reason: string | null): Promise<void> {
  await enqueueMail(tx, debitFailedMail, { dojoId: checkout.dojoId, cause: `${checkout.id}:member`, params: { checkoutId: checkout.id, reason, audience: "member" } });
  const owners = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.dojoId, checkout.dojoId), eq(staffUsers.role, "owner"), eq(staffUsers.active, true)));
  for (const owner of owners) {
    await enqueueMail(tx, debitFailedMail, { dojoId: checkout.dojoId, cause: `${checkout.id}:${owner.id}`, params: { checkoutId: checkout.id, reason, audience: "staff", staffId: owner.id } });
  }
}
