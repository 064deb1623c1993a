import "server-only";
import { createElement } from "react";
import { renderToBuffer, type DocumentProps } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import type { InvoiceDocument } from "../document";
import { InvoicePdf } from "./invoice-pdf";

/** The invoice as PDF bytes (A4), for the download routes and the mail attachments. */
export async function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  return renderToBuffer(createElement(InvoicePdf, { doc }) as unknown as ReactElement<DocumentProps>);
}
