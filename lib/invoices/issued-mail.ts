import "server-only";
import { translator } from "@/lib/i18n/messages";
import { moneyLocale, resolveLocale } from "@/lib/i18n/locales";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, families, invoices, members } from "@/db/schema";
import InvoiceIssued from "@/emails/invoice-issued";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { formatMoney } from "@/lib/money";
import { env } from "@/lib/env";
import { invoicePdfAttachment } from "./pdf/attachment";
import { contactPayerOfInvoice, invoiceRecipient, recipientColumns } from "./recipient";
import { formatLongDate } from "@/lib/dates";


/** "Invoice 2026-0004 from …": the member's (or family contact's) invoice as it is when the mail goes out. */
export const invoiceIssuedMail = defineMail<{ invoiceId: string }>({
  name: "invoice-issued",
  label: "Invoice issued",
  async compose(db, { invoiceId }) {
    const [row] = await db
      .select({ invoice: invoices, recipient: recipientColumns, dojoName: dojos.name, timeZone: dojos.timeZone, defaultLanguage: dojos.defaultLanguage })
      .from(invoices)
      .innerJoin(members, eq(members.id, invoices.memberId))
      .leftJoin(families, contactPayerOfInvoice)
      .innerJoin(dojos, eq(dojos.id, invoices.dojoId))
      .where(eq(invoices.id, invoiceId));
    if (!row) return { skip: "the invoice no longer exists" };
    // Voided before the mail went out: telling the member to pay it would be wrong.
    if (row.invoice.status === "void" || row.invoice.status === "draft") return { skip: `the invoice is ${row.invoice.status} now` };
    const to = invoiceRecipient(row.recipient);
    if (!to.email) return { skip: "the member has no e-mail address" };
    const { invoice } = row;
    const locale = resolveLocale(to.language, row.defaultLanguage);
    const amount = formatMoney(invoice.totalMinor, invoice.currency, moneyLocale(locale));
    return {
      dojoName: row.dojoName,
      to: to.email,
      subject: translator(locale, "emails.invoiceIssued")("subject", { number: invoice.number ?? "", dojo: row.dojoName, amount }),
      react: createElement(InvoiceIssued, {
        locale,
        text: translator(locale, "emails"),
        dojoName: row.dojoName,
        memberName: to.name,
        invoiceNumber: invoice.number ?? "",
        amount,
        dueDate: formatLongDate(invoice.dueDate, row.timeZone, locale),
        portalUrl: `${env().APP_URL}/portal/invoices/${invoice.id}`,
      }),
      attachments: await invoicePdfAttachment(db, invoice.dojoId, invoice.id),
    };
  },
});

/**
 * Queues the "invoice issued" mail in the issuing transaction (staff actions; seeds and imports
 * issue invoices without mail): sent once that commits, never for a rolled-back issue, once per invoice.
 */
export async function queueInvoiceIssuedMail(tx: DbOrTx, invoice: { id: string; dojoId: string; status: string }): Promise<void> {
  if (invoice.status !== "open") return;
  await enqueueMail(tx, invoiceIssuedMail, { dojoId: invoice.dojoId, cause: invoice.id, params: { invoiceId: invoice.id } });
}
