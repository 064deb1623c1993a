import "server-only";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, invoices, members, refunds, staffUsers } from "@/db/schema";
import RefundFailed from "@/emails/refund-failed";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { memberFullName } from "@/lib/members/full-name";
import { formatMoney } from "@/lib/money";
import { moneyLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { staffMailLocale } from "@/lib/i18n/staff-mail-locale";

/** "A refund failed": to one owner, about one refund Stripe reported failed or canceled. */
export const refundFailedMail = defineMail<{ refundId: string; staffId: string }>({
  name: "refund-failed",
  label: "Failed refund notice",
  async compose(db, { refundId, staffId }) {
    const [row] = await db
      .select({ refund: refunds, invoice: { id: invoices.id, number: invoices.number }, memberName: memberFullName(), dojoName: dojos.name, defaultLanguage: dojos.defaultLanguage })
      .from(refunds)
      .innerJoin(invoices, eq(invoices.id, refunds.invoiceId))
      .innerJoin(members, eq(members.id, invoices.memberId))
      .innerJoin(dojos, eq(dojos.id, refunds.dojoId))
      .where(eq(refunds.id, refundId));
    if (!row?.refund.failedAt) return { skip: "the refund is not failed" };
    const [owner] = await db.select({ email: staffUsers.email, active: staffUsers.active }).from(staffUsers).where(and(eq(staffUsers.id, staffId), eq(staffUsers.dojoId, row.refund.dojoId)));
    if (!owner?.active) return { skip: "the owner is no longer active" };
    const { refund, invoice } = row;
    // TODO(staff language): pass the owner's `staff_users.language` once it exists.
    const locale = staffMailLocale(row.defaultLanguage);
    const t = translator(locale, "emails.refundFailed");
    const amount = formatMoney(refund.amountMinor, refund.currency, moneyLocale(locale));
    const { memberName } = row;
    return {
      dojoName: row.dojoName,
      to: owner.email,
      subject: t("subject", { amount, name: memberName, number: invoice.number ?? "" }),
      react: createElement(RefundFailed, {
        locale,
        text: translator(locale, "emails"),
        dojoName: row.dojoName,
        memberName,
        amount,
        invoiceNumber: invoice.number ?? "",
        // Stripe's reason is kept in English words (reverse-failed-refund.ts).
        reason: refund.failureReason ?? t("noReason"),
        url: `${env().APP_URL.replace(/\/$/, "")}/invoices/${invoice.id}`,
      }),
    };
  },
});

/** Queued with the reversal of a failed refund: one notice per active owner, once. */
export async function queueRefundFailedMails(tx: DbOrTx, refund: { id: string; dojoId: string }): Promise<void> {
  const owners = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.dojoId, refund.dojoId), eq(staffUsers.role, "owner"), eq(staffUsers.active, true)));
  for (const owner of owners) await enqueueMail(tx, refundFailedMail, { dojoId: refund.dojoId, cause: `${refund.id}:${owner.id}`, params: { refundId: refund.id, staffId: owner.id } });
}
