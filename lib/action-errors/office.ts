import type { CampaignReasons, LedgerReasons, MemberImportFileProblem, MemberReasons } from "@/lib/error-reasons";
import { IMPORT_FIELD_LABELS } from "@/lib/members/import/columns";
import { CORRECT_FIELDS, onField, type Words } from "./words";

// The words of the office's daily work: costs & revenues, campaigns, importing members.

function fileProblem(problem: MemberImportFileProblem): string {
  switch (problem.kind) {
    case "empty":
      return "The file is empty.";
    case "duplicate_column":
      return `Two columns are read as ${IMPORT_FIELD_LABELS[problem.field]}: ${problem.headers.map((h) => `“${h}”`).join(" and ")}. Rename or remove one.`;
    case "missing_columns":
      return `No ${problem.fields.map((f) => IMPORT_FIELD_LABELS[f]).join(" or ")} column was found. The first row must name the columns, e.g. “First name,Last name,E-mail”.`;
    case "no_rows":
      return "The file has a header row but no members below it.";
    case "too_many_rows":
      return `The file has ${problem.rows} rows; import at most ${problem.max} at a time.`;
  }
}

export const OFFICE_WORDS: Words<keyof LedgerReasons | keyof CampaignReasons | keyof MemberReasons> = {
  "ledger.amount": ({ problem }) => onField("amount", CORRECT_FIELDS, problem),
  "ledger.amount_zero": () => onField("amount", CORRECT_FIELDS, "The amount must be more than zero"),
  "ledger.correction_of_correction": () => "This entry is itself a correction. Add a new entry instead.",
  "ledger.entry_of_payment": () => "This entry belongs to a payment or refund. Change the payment on its invoice instead.",
  "ledger.already_corrected": () => "This entry has already been corrected.",
  "campaign.nobody_to_send_to": () => onField("recipients", "Nobody to send to: none of the chosen members has an e-mail address and is subscribed.", "No member to send to"),
  "family.member_in_other_family": ({ field }) => onField(field, "This member already belongs to a family. Remove them from it first.", "Already in a family"),
  "family.payer_cannot_leave": () => "This member pays for the family. Choose another payer before removing them.",
  "family.has_invoices": () => "This family has invoices addressed to it, so it cannot be deleted. Remove its members instead.",
  "member_import.file": ({ problems }) =>
    problems[0]?.kind === "empty"
      ? onField("file", "The file is empty.", "Choose a CSV file with a header row and one member per row")
      : { error: fileProblem(problems[0]), fieldErrors: { file: problems.map(fileProblem) } },
  "member_import.rows": ({ rows }) => ({
    error: `${rows.length === 1 ? "1 row has an error" : `${rows.length} rows have errors`}: nothing was imported. Correct the file and upload it again.`,
    // "row.12" → that row's messages, as the import form shows them.
    fieldErrors: Object.fromEntries(rows.map((e) => [`row.${e.row}`, e.messages])),
  }),
};
