import "server-only";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, invoices, members, payments, staffUsers } from "@/db/schema";
import DebitFailed from "@/emails/debit-failed";
import { env } from "@/lib/env";
import { moneyLocale, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { memberFullName } from "@/lib/members/full-name";
import { formatMoney } from "@/lib/money";

type Params = { paymentId: string } & ({ audience: "member" } | { audience: "staff"; staffId: string });

/**
 * "Your payment was returned by your bank" to the member (with the invoice, open again, in the
 * members area) and to each active owner (with the invoice in the dashboard), in the notice layout
 * of a failed debit. Composed from the disputed payment; the owners' copy in English for now.
 */
export const disputeLostMail = defineMail<Params>({
  name: "dispute-lost",
  label: "Disputed payment notice",
  async compose(db, params) {
    const [row] = await db
      .select({ payment: payments, invoice: { id: invoices.id, number: invoices.number }, email: members.email, language: members.language, memberName: memberFullName(), dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage })
      .from(payments)
      .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
      .innerJoin(members, eq(members.id, invoices.memberId))
      .innerJoin(dojos, eq(dojos.id, payments.dojoId))
      .where(eq(payments.id, params.paymentId));
    if (!row?.payment.disputedMinor) return { skip: "the payment is not disputed" };
    let to = row.email;
    if (params.audience === "staff") {
      const [owner] = await db.select({ email: staffUsers.email, active: staffUsers.active }).from(staffUsers).where(and(eq(staffUsers.id, params.staffId), eq(staffUsers.dojoId, row.payment.dojoId)));
      if (!owner?.active) return { skip: "the owner is no longer active" };
      to = owner.email;
    }
    if (!to) return { skip: "the member has no e-mail address" };
    const locale: Locale = params.audience === "member" ? resolveLocale(row.language, row.defaultLanguage) : "en";
    const t = translator(locale, "emails.paymentDisputed");
    const amount = formatMoney(row.payment.disputedMinor, row.payment.currency, moneyLocale(locale));
    const base = env().APP_URL.replace(/\/$/, "");
    const url = params.audience === "member" ? `${base}/portal/invoices/${row.invoice.id}` : `${base}/invoices/${row.invoice.id}`;
    const invoiceNumber = row.invoice.number ?? "";
    return {
      dojoName: row.dojoName,
      to,
      subject: t(`${params.audience}Subject`, { amount, name: row.memberName, number: invoiceNumber }),
      react: createElement(DebitFailed, { locale, text: translator(locale, "emails"), dojoName: row.dojoName, audience: params.audience, memberName: row.memberName, amount, invoiceNumber, method: "", reason: null, url, notice: "paymentDisputed" }),
    };
  },
});

/** Queued with the loss: the member once, each active owner once. */
export async function queueDisputeLostMails(tx: DbOrTx, payment: { id: string; dojoId: string }): Promise<void> {
  await enqueueMail(tx, disputeLostMail, { dojoId: payment.dojoId, cause: `${payment.id}:member`, params: { paymentId: payment.id, audience: "member" } });
  const owners = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.dojoId, payment.dojoId), eq(staffUsers.role, "owner"), eq(staffUsers.active, true)));
  for (const owner of owners) {
    await enqueueMail(tx, disputeLostMail, { dojoId: payment.dojoId, cause: `${payment.id}:${owner.id}`, params: { paymentId: payment.id, audience: "staff", staffId: owner.id } });
  }
}
