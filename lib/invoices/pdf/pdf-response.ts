import "server-only";
import { invoicePdfFilename, type InvoiceDocument } from "../document";
import { renderInvoicePdf } from "./render-invoice-pdf";

export const notFoundResponse = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/** The invoice PDF as a download; personal data, so never cached by anyone but the reader's browser. */
export async function invoicePdfResponse(doc: InvoiceDocument): Promise<Response> {
  const bytes = await renderInvoicePdf(doc);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${invoicePdfFilename(doc)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
