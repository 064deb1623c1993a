import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS } from "@/lib/members/import/columns";
import { MAX_IMPORT_ROWS } from "@/lib/members/import/parse";
import { BackLink } from "../back-link";
import { ImportForm } from "./import-form";

export const metadata = { title: "Import members" };

export default async function ImportMembersPage() {
  await requireStaffPage("members");
  return (
    <>
      <BackLink />
      <PageHeader title="Import members" description="Bring your members over from a spreadsheet or another tool: upload a CSV file, check the preview, then import." />
      <Card className="p-4 sm:p-6">
        <ImportForm />
      </Card>
      <Card className="mt-6 p-4 text-sm text-stone-600 sm:p-6">
        <h2 className="mb-2 text-base font-semibold text-stone-900">What the file needs</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            A first row naming the columns. <strong>First name</strong> and <strong>Last name</strong> are required; also read are{" "}
            {IMPORT_FIELDS.filter((f) => f !== "firstName" && f !== "lastName")
              .map((f) => IMPORT_FIELD_LABELS[f])
              .join(", ")}
            . Other columns are left out.
          </li>
          <li>Comma, semicolon or tab separated, as spreadsheets save “CSV”. Birth dates as YYYY-MM-DD.</li>
          <li>No e-mail or UID twice, in the file or among your members. Leave UID empty and each member gets a new one.</li>
          <li>Up to {MAX_IMPORT_ROWS.toLocaleString("en-US")} members per file. Either every row is imported or none: a row with an error stops the import.</li>
        </ul>
        <p className="mt-3">
          Example: <code className="rounded bg-stone-100 px-1 py-0.5 text-xs break-all">First name,Last name,E-mail,Phone,Birth date</code>
        </p>
      </Card>
    </>
  );
}
