import "server-only";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, invoices, members } from "@/db/schema";
import InvoiceIssued from "@/emails/invoice-issued";
import { sendMail, type MailResult } from "@/lib/mail/send";
import { formatMoney } from "@/lib/money";
import { env } from "@/lib/env";
import { INVOICE_ISSUED_MAIL_JOB } from "@/lib/jobs/kinds";
import { enqueueJob } from "@/lib/jobs/queue";

export const NO_ADDRESS = "the member has no e-mail address";

const longDate = (isoDate: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));

/**
 * Mails the member that an invoice was issued. Run by the job staff actions queue in the issuing
 * transaction (queueInvoiceIssuedMail; seeds and imports issue invoices without mail), so the mail is neither lost nor sent for a rolled-back issue;
 * the idempotency key keeps a retried job to one mail.
 */
export async function sendInvoiceIssuedMail(db: DbOrTx, invoiceId: string): Promise<MailResult> {
  const [row] = await db
    .select({ invoice: invoices, member: { firstName: members.firstName, lastName: members.lastName, email: members.email }, dojoName: dojos.name })
    .from(invoices)
    .innerJoin(members, eq(members.id, invoices.memberId))
    .innerJoin(dojos, eq(dojos.id, invoices.dojoId))
    .where(eq(invoices.id, invoiceId));
  if (!row) return { sent: false, reason: "invoice not found" };
  if (!row.member.email) return { sent: false, reason: NO_ADDRESS };
  const { invoice } = row;
  const amount = formatMoney(invoice.totalMinor, invoice.currency);
  return sendMail({
    dojoName: row.dojoName,
    to: row.member.email,
    subject: `Invoice ${invoice.number} from ${row.dojoName}: ${amount}`,
    react: createElement(InvoiceIssued, {
      dojoName: row.dojoName,
      memberName: `${row.member.firstName} ${row.member.lastName}`,
      invoiceNumber: invoice.number ?? "",
      amount,
      dueDate: longDate(invoice.dueDate),
      portalUrl: `${env().APP_URL}/portal/invoices/${invoice.id}`,
    }),
    idempotencyKey: `invoice-issued-${invoice.id}`,
  });
}

/** Queues the "invoice issued" mail in the issuing transaction: sent once that commits. */
export async function queueInvoiceIssuedMail(tx: DbOrTx, invoice: { id: string; dojoId: string; status: string }): Promise<void> {
  if (invoice.status !== "open") return;
  await enqueueJob(tx, { kind: INVOICE_ISSUED_MAIL_JOB, payload: { invoiceId: invoice.id }, dojoId: invoice.dojoId });
}
