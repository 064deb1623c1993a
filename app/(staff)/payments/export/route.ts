import { staffCsvDownload } from "@/lib/exports/csv-response";
import { paymentsCsvStream } from "@/lib/exports/payments-csv";

export function GET(): Promise<Response> {
  return staffCsvDownload({ permission: "invoices", name: "payments", stream: paymentsCsvStream });
}
