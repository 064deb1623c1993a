import type { CampaignReasons, LedgerReasons, MemberImportFileProblem, MemberReasons } from "@/lib/error-reasons";
import { correct, correctProblem, onField, say, sayOnShort, type Reader, type Words } from "./words";

// The words of the office's daily work: costs & revenues, campaigns, importing members.

function fileProblem(problem: MemberImportFileProblem, w: Reader): string {
  const label = (field: string) => w.t(`member_import.fields.${field}`);
  const list = (items: string[], type: Intl.ListFormatType) => new Intl.ListFormat(w.locale, { type }).format(items);
  switch (problem.kind) {
    case "empty":
      return w.t("member_import.empty");
    case "duplicate_column":
      return w.t("member_import.duplicate_column", { field: label(problem.field), headers: list(problem.headers.map((h) => w.t("member_import.header", { header: h })), "conjunction") });
    case "missing_columns":
      return w.t("member_import.missing_columns", { fields: list(problem.fields.map(label), "disjunction") });
    case "no_rows":
      return w.t("member_import.no_rows");
    case "too_many_rows":
      return w.t("member_import.too_many_rows", { rows: problem.rows, max: problem.max });
  }
}

export const OFFICE_WORDS: Words<keyof LedgerReasons | keyof CampaignReasons | keyof MemberReasons> = {
  "ledger.amount": correctProblem("amount"),
  "ledger.amount_zero": correct("amount"),
  "ledger.correction_of_correction": say,
  "ledger.entry_of_payment": say,
  "ledger.already_corrected": say,
  "campaign.nobody_to_send_to": sayOnShort("recipients"),
  "family.member_in_other_family": ({ field }, w) => sayOnShort(field)({}, w),
  "family.payer_cannot_leave": say,
  "family.has_invoices": say,
  "member_import.file": ({ problems }, w) =>
    problems[0]?.kind === "empty"
      ? onField("file", w.t("member_import.empty"), w.t("member_import.empty_field"))
      : { error: fileProblem(problems[0], w), fieldErrors: { file: problems.map((p) => fileProblem(p, w)) } },
  "member_import.rows": ({ rows }, w) => ({
    error: w.t("member_import.rows", { count: rows.length }),
    // "row.12" → that row's messages, as the import form shows them.
    fieldErrors: Object.fromEntries(rows.map((e) => [`row.${e.row}`, e.messages])),
  }),
};
