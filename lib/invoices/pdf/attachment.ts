import "server-only";
import type { DbOrTx } from "@/db/client";
import type { MailAttachment } from "@/lib/mail/mail-kind";
import { invoiceDocument, invoicePdfFilename } from "../document";
import { renderInvoicePdf } from "./render-invoice-pdf";

/**
 * The invoice as it stands now, as a PDF for a mail (invoice issued, payment receipt). Made when
 * the mail job runs, so a retry attaches current figures, like the mail's text.
 */
export async function invoicePdfAttachment(db: DbOrTx, dojoId: string, invoiceId: string): Promise<MailAttachment[]> {
  const doc = await invoiceDocument(db, dojoId, invoiceId);
  if (!doc) return [];
  return [{ filename: invoicePdfFilename(doc), content: await renderInvoicePdf(doc) }];
}
