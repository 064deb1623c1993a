import { staffCsvDownload } from "@/lib/exports/csv-response";
import { membersCsvStream } from "@/lib/exports/members-csv";

export function GET(): Promise<Response> {
  return staffCsvDownload({ permission: "members", name: "members", stream: membersCsvStream });
}
