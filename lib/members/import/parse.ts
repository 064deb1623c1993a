import Papa from "papaparse";
import type { Translate } from "@/lib/i18n/messages";
import { invalidInput, type MemberImportFileProblem } from "@/lib/errors";
import { fieldOfHeader, IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField } from "./columns";

export const MAX_IMPORT_ROWS = 5_000;
export const MAX_IMPORT_BYTES = 2_000_000;

export interface ImportColumn {
  header: string;
  field: ImportField | null;
}

/** One data row: its number as a spreadsheet shows it (the header is row 1) and its cells by field. */
export interface RawImportRow {
  row: number;
  cells: Partial<Record<ImportField, string>>;
  problems: string[];
}

export interface ParsedImportFile {
  columns: ImportColumn[];
  rows: RawImportRow[];
}

// Our own export guards cells against spreadsheet formulas with a leading ' ("'+41 79…"):
// taken off again here, so an exported file imports unchanged.
const GUARDED = /^'[=+\-@\t\r]/;
const unguard = (cell: string) => (GUARDED.test(cell) ? cell.slice(1) : cell);

/**
 * Reads the CSV (comma, semicolon or tab separated; quoted cells may hold separators and line
 * breaks) into rows by field. Problems of the file as a whole are thrown together (INVALID_INPUT,
 * "member_import.file"); problems of one row stay with that row.
 */
/** `t`: the staff member's words for a row's problems (staff.members.importRows). */
export function parseImportFile(csv: string, t: Translate): ParsedImportFile {
  const text = csv.replace(/^\uFEFF/, "");
  if (!text.trim()) throw invalidInput("member_import.file", { problems: [{ kind: "empty" }] });
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" });
  const [header = [], ...records] = parsed.data;

  const columns: ImportColumn[] = header.map((h) => ({ header: h.trim(), field: fieldOfHeader(h) }));
  const fileProblems: MemberImportFileProblem[] = [];
  for (const field of IMPORT_FIELDS) {
    const named = columns.filter((c) => c.field === field);
    if (named.length > 1) fileProblems.push({ kind: "duplicate_column", field, headers: named.map((c) => c.header) });
  }
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !columns.some((c) => c.field === f));
  if (missing.length > 0) fileProblems.push({ kind: "missing_columns", fields: missing });
  if (records.length === 0 && fileProblems.length === 0) fileProblems.push({ kind: "no_rows" });
  if (records.length > MAX_IMPORT_ROWS) fileProblems.push({ kind: "too_many_rows", rows: records.length, max: MAX_IMPORT_ROWS });
  if (fileProblems.length > 0) throw invalidInput("member_import.file", { problems: fileProblems });

  // Papaparse numbers errors by record, header included.
  const recordProblems = new Map<number, string[]>();
  for (const error of parsed.errors) {
    if (error.row === undefined || error.type === "Delimiter") continue;
    const list = recordProblems.get(error.row) ?? [];
    list.push(error.type === "Quotes" ? t("quoteOpen") : error.message);
    recordProblems.set(error.row, list);
  }

  const rows = records.map((record, i): RawImportRow => {
    const problems = [...(recordProblems.get(i + 1) ?? [])];
    if (record.length > columns.length) problems.push(t("tooManyCells", { cells: record.length, columns: columns.length }));
    const cells: RawImportRow["cells"] = {};
    columns.forEach((column, c) => {
      if (column.field) cells[column.field] = unguard(record[c] ?? "");
    });
    return { row: i + 2, cells, problems };
  });
  return { columns, rows };
}
