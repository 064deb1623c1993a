import { staffCsvDownload } from "@/lib/exports/csv-response";
import { invoicesCsvStream } from "@/lib/exports/invoices-csv";

export function GET(): Promise<Response> {
  return staffCsvDownload({ permission: "invoices", name: "invoices", stream: invoicesCsvStream });
}
