import "server-only";
import { translator } from "@/lib/i18n/messages";
import { moneyLocale, resolveLocale } from "@/lib/i18n/locales";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { automaticRefunds, dojos, invoices, members, shopOrders, type AutomaticRefund as AutomaticRefundRow } from "@/db/schema";
import AutomaticRefund from "@/emails/automatic-refund";
import { formatDate } from "@/lib/dates";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { formatMoney } from "@/lib/money";
import { fullName } from "@/lib/members/full-name";

/** "A payment went back": to the payer, the member the invoice is for or the shop buyer. */
export const automaticRefundMail = defineMail<{ automaticRefundId: string }>({
  name: "automatic-refund",
  label: "Automatic refund notice",
  async compose(db, { automaticRefundId }) {
    const [row] = await db
      .select({
        refund: automaticRefunds,
        dojoName: dojos.name,
        timeZone: dojos.timeZone,
        defaultLanguage: dojos.defaultLanguage,
        invoiceNumber: invoices.number,
        member: { firstName: members.firstName, lastName: members.lastName, email: members.email, language: members.language },
        order: { number: shopOrders.number, buyerName: shopOrders.buyerName, buyerEmail: shopOrders.buyerEmail },
      })
      .from(automaticRefunds)
      .innerJoin(dojos, eq(dojos.id, automaticRefunds.dojoId))
      .leftJoin(invoices, eq(invoices.id, automaticRefunds.invoiceId))
      .leftJoin(members, eq(members.id, invoices.memberId))
      .leftJoin(shopOrders, eq(shopOrders.id, automaticRefunds.orderId))
      .where(eq(automaticRefunds.id, automaticRefundId));
    if (!row) return { skip: "the refund no longer exists" };
    // A refund that failed later (charge.refund.updated) is not news for the payer: staff settle it.
    if (row.refund.status !== "refunded") return { skip: "the refund is not refunded" };
    const to = row.order?.buyerEmail ?? row.member?.email;
    if (!to) return { skip: "the payer has no e-mail address" };
    const payerName = row.order?.buyerName ?? (row.member ? fullName(row.member) : "");
    // The invoice's member when there is one (a shop order by a member has its invoice too); else the dojo's language.
    const locale = resolveLocale(row.member?.language, row.defaultLanguage);
    const t = translator(locale, "emails.automaticRefund");
    const paidFor = row.order ? t("paidForOrder", { number: row.order.number }) : t("paidForInvoice", { number: row.invoiceNumber ?? "" }).trim();
    const amount = formatMoney(row.refund.amountMinor, row.refund.currency, moneyLocale(locale));
    return {
      dojoName: row.dojoName,
      to,
      subject: t("subject", { amount, paidFor }),
      react: createElement(AutomaticRefund, { locale, text: translator(locale, "emails"), dojoName: row.dojoName, payerName, paidFor, amount, refundedOn: formatDate(row.refund.refundedAt ?? new Date(), row.timeZone, locale), why: t(`reasons.${row.refund.reason}`) }),
    };
  },
});

/** Queued in the transaction that marks the automatic refund made: one mail per refund. */
export async function queueAutomaticRefundMail(tx: DbOrTx, refund: Pick<AutomaticRefundRow, "id" | "dojoId">): Promise<void> {
  await enqueueMail(tx, automaticRefundMail, { dojoId: refund.dojoId, cause: refund.id, params: { automaticRefundId: refund.id } });
}
