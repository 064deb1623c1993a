"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { AlertTriangle, CheckCircle2, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { FormError } from "@/components/forms/form-error";
import { Table, Td, Th } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ImportRowError } from "@/lib/members/import/validate";
import type { MemberImportPreview } from "@/lib/members/import/preview";
import { importMembersAction, previewMemberImportAction } from "./actions";

const MAX_ERRORS_SHOWN = 200;

/** Row errors back from the import action's field errors ("row.12" → messages). */
function rowErrorsOf(fieldErrors: Record<string, string[]> | undefined): ImportRowError[] {
  return Object.entries(fieldErrors ?? {})
    .filter(([key]) => key.startsWith("row."))
    .map(([key, messages]) => ({ row: Number(key.slice(4)), messages }))
    .sort((a, b) => a.row - b.row);
}

/** Upload → preview (columns, first rows, every row's errors) → import all at once. */
export function ImportForm() {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations("staff.members.import");
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [preview, setPreview] = useState<MemberImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"preview" | "import" | null>(null);

  async function choose(chosen: File | undefined) {
    setPreview(null);
    setError(null);
    setFile(null);
    if (!chosen) return;
    const csv = await chosen.text();
    setFile({ name: chosen.name, csv });
    setPending("preview");
    const result = await previewMemberImportAction({ csv });
    setPending(null);
    if (result.ok) setPreview(result.data);
    else setError(result.fieldErrors?.file?.join(" ") ?? result.fieldErrors?.csv?.join(" ") ?? result.error);
  }

  async function runImport() {
    if (!file || !preview) return;
    setPending("import");
    const result = await importMembersAction({ csv: file.csv });
    setPending(null);
    if (result.ok) {
      toast({ tone: "success", title: t("form.imported", { n: result.data.imported }) });
      router.push("/members");
      router.refresh();
      return;
    }
    // Someone added a member with one of these e-mails since the preview: show the errors now.
    const errors = rowErrorsOf(result.fieldErrors);
    if (errors.length > 0) setPreview({ ...preview, errors });
    setError(result.error);
  }

  const errors = preview?.errors ?? [];
  return (
    <div className="space-y-5">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <label htmlFor="member-file" className="text-sm font-medium text-stone-700">
          {t("form.file")}
        </label>
        <input
          ref={input}
          id="member-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          className="block w-full max-w-md text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-stone-100"
          // Cleared on each click, so choosing the corrected file under the same name reads it again.
          onClick={(e) => (e.currentTarget.value = "")}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {pending === "preview" && <p className="text-sm text-stone-500" aria-live="polite">{t("form.reading", { file: file?.name ?? "" })}</p>}
      <FormError message={error} />

      {preview && (
        <>
          <section aria-labelledby="columns-heading" className="space-y-2">
            <h2 id="columns-heading" className="text-sm font-semibold text-stone-900">
              {t("form.found", { n: preview.total, file: file?.name ?? "" })}
            </h2>
            <ul className="flex flex-wrap gap-2">
              {preview.columns.map((c, i) => (
                <li key={i}>
                  <Badge tone={c.field ? "green" : "neutral"}>
                    {c.header || t("form.column", { n: i + 1 })} → {c.field ? t(`fields.${c.field}`) : t("form.notImported")}
                  </Badge>
                </li>
              ))}
            </ul>
          </section>

          <section aria-labelledby="preview-heading" className="space-y-2">
            <h2 id="preview-heading" className="text-sm font-semibold text-stone-900">
              {t("form.firstRows")}
            </h2>
            <Table>
              <thead>
                <tr>
                  <Th>{t("form.row")}</Th>
                  {preview.fields.map((f) => (
                    <Th key={f.key}>{t(`fields.${f.key}`)}</Th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((r) => (
                  <tr key={r.row}>
                    <Td className="text-stone-500 tabular-nums">{r.row}</Td>
                    {preview.fields.map((f) => (
                      <Td key={f.key} className="max-w-48 truncate">
                        {r.cells[f.key]}
                      </Td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </Table>
          </section>

          {errors.length > 0 ? (
            <section aria-labelledby="errors-heading" className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 sm:p-4">
              <h2 id="errors-heading" className="flex items-center gap-2 text-sm font-semibold text-red-800">
                <AlertTriangle className="size-4 shrink-0" aria-hidden />
                {t("form.errors", { n: errors.length })}
              </h2>
              <p className="text-xs text-red-700">{t("form.rowNumbers")}</p>
              <ul className="space-y-1 text-sm text-red-800" aria-label={t("form.rowErrors")}>
                {errors.slice(0, MAX_ERRORS_SHOWN).map((e) => (
                  <li key={e.row}>
                    <span className="font-medium">{t("form.rowError", { row: e.row })}</span> {e.messages.join("; ")}
                  </li>
                ))}
              </ul>
              {errors.length > MAX_ERRORS_SHOWN && <p className="text-sm text-red-800">{t("form.more", { n: errors.length - MAX_ERRORS_SHOWN })}</p>}
              <Button variant="secondary" onClick={() => input.current?.click()}>
                <Upload className="size-4" aria-hidden />
                {t("form.chooseCorrected")}
              </Button>
            </section>
          ) : (
            <div className="flex flex-col gap-3 rounded-md border border-emerald-200 bg-emerald-50 p-3 sm:flex-row sm:items-center sm:justify-between sm:p-4">
              <p className="flex items-center gap-2 text-sm text-emerald-800">
                <CheckCircle2 className="size-4 shrink-0" aria-hidden />
                {t("form.allFine")}
              </p>
              <Button onClick={() => void runImport()} pending={pending === "import"}>
                {t("form.submit", { n: preview.total })}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
