import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff-session";
import { IMPORT_FIELDS, type ImportField } from "@/lib/members/import/columns";
import { MAX_IMPORT_ROWS } from "@/lib/members/import/parse";
import { BackLink } from "../back-link";
import { ImportForm } from "./import-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.members.import"))("title") };
}

// The columns of the example line: a file that imports as it is.
const EXAMPLE: ImportField[] = ["firstName", "lastName", "email", "phone", "birthDate"];

export default async function ImportMembersPage() {
  await requireStaffPage("members");
  const t = await staffT("staff.members.import");
  const label = (field: ImportField) => t(`fields.${field}`);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <BackLink />
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="p-4 sm:p-6">
        <ImportForm />
      </Card>
      <Card className="mt-6 p-4 text-sm text-stone-600 sm:p-6">
        <h2 className="mb-2 text-base font-semibold text-stone-900">{t("needs.title")}</h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            {t.rich("needs.columns", {
              firstName: label("firstName"),
              lastName: label("lastName"),
              others: IMPORT_FIELDS.filter((f) => f !== "firstName" && f !== "lastName")
                .map(label)
                .join(", "),
              strong,
            })}
          </li>
          <li>{t("needs.separators")}</li>
          <li>{t("needs.unique")}</li>
          <li>{t("needs.limit", { max: MAX_IMPORT_ROWS })}</li>
        </ul>
        <p className="mt-3">
          {t.rich("needs.example", {
            header: EXAMPLE.map(label).join(","),
            code: (chunks) => <code className="rounded bg-stone-100 px-1 py-0.5 text-xs break-all">{chunks}</code>,
          })}
        </p>
      </Card>
    </>
  );
}
