import type { DbOrTx } from "@/db/client";
import { IMPORT_FIELD_LABELS, type ImportField } from "./columns";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { checkMemberImport, type ImportRowError } from "./validate";

export const PREVIEW_ROWS = 5;

export interface MemberImportPreview {
  /** Each header and the field it fills (a code: the page names it in its language), or null. */
  columns: { header: string; field: ImportField | null }[];
  /** The imported fields in file order, for the preview table's header. */
  fields: { key: ImportField; label: string }[];
  sample: { row: number; cells: Partial<Record<ImportField, string>> }[];
  total: number;
  errors: ImportRowError[];
}

/** What the upload step shows: the columns as read, the first rows, and every row's errors. */
export async function previewMemberImport(db: DbOrTx, dojoId: string, csv: string, locale: StaffLocale = "en"): Promise<MemberImportPreview> {
  const { columns, rows, errors } = await checkMemberImport(db, dojoId, csv, locale);
  const fields = columns.flatMap((c) => (c.field ? [{ key: c.field, label: IMPORT_FIELD_LABELS[c.field] }] : []));
  return {
    columns: columns.map((c) => ({ header: c.header, field: c.field })),
    fields,
    sample: rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: r.cells })),
    total: rows.length,
    errors,
  };
}
