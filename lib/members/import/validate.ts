import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, type MemberStatus } from "@/db/schema";
import { memberFieldsSchema, type MemberFields } from "../schemas";
import { isUid } from "../uid";
import { IMPORT_FIELD_LABELS, type ImportField } from "./columns";
import { parseImportFile, type ImportColumn, type RawImportRow } from "./parse";
import { fullName } from "../full-name";
import { translator, type Translate } from "@/lib/i18n/messages";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { validationText } from "@/lib/validation/message-key";

export interface ImportRowError {
  row: number;
  messages: string[];
}

export interface ImportCandidate {
  row: number;
  uid: string | null;
  status: MemberStatus;
  fields: MemberFields;
}

export interface CheckedImport {
  columns: ImportColumn[];
  rows: RawImportRow[];
  candidates: ImportCandidate[];
  errors: ImportRowError[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Row errors in the staff member's language; the column names stay the file's (its headers are English).
interface Words {
  t: Translate;
  fieldWords: Translate;
}

function candidateOf(raw: RawImportRow, { t, fieldWords }: Words): { candidate?: ImportCandidate; messages: string[] } {
  const messages = [...raw.problems];
  const cells = raw.cells;
  const birthDate = cells.birthDate?.trim() ?? "";
  if (birthDate && !ISO_DATE.test(birthDate)) messages.push(t("birthDate", { value: birthDate }));

  const parsed = memberFieldsSchema.safeParse({ ...cells, birthDate: ISO_DATE.test(birthDate) ? birthDate : null });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ImportField;
      const words = { label: IMPORT_FIELD_LABELS[field] ?? field, message: validationText(issue.message, fieldWords) };
      messages.push(field === "email" ? t("fieldEmail", { ...words, value: cells.email?.trim() ?? "" }) : t("field", words));
    }
  }
  const uid = cells.uid?.trim().toUpperCase() || null;
  if (uid && !isUid(uid)) messages.push(t("uid", { uid }));
  const status = (cells.status?.trim().toLowerCase() || "active") as MemberStatus;
  if (status !== "active" && status !== "inactive") messages.push(t("status", { value: cells.status?.trim() ?? "" }));

  if (messages.length > 0 || !parsed.success) return { messages };
  return { candidate: { row: raw.row, uid, status, fields: parsed.data }, messages };
}

/**
 * Parses and checks a member file: every row's fields, and no e-mail or UID twice, neither in
 * the file nor against the dojo's members (UIDs are unique across all dojos: a UID taken
 * elsewhere is refused without saying where). Returns every row error, in row order.
 */
export async function checkMemberImport(db: DbOrTx, dojoId: string, csv: string, locale: StaffLocale = "en"): Promise<CheckedImport> {
  const words: Words = { t: staffTranslator(locale, "staff.members.importRows"), fieldWords: translator(locale, "validation") };
  const { t } = words;
  const { columns, rows } = parseImportFile(csv, t);
  const errors = new Map<number, string[]>();
  const addError = (row: number, message: string) => errors.set(row, [...(errors.get(row) ?? []), message]);

  const candidates: ImportCandidate[] = [];
  for (const raw of rows) {
    const { candidate, messages } = candidateOf(raw, words);
    for (const m of messages) addError(raw.row, m);
    if (candidate) candidates.push(candidate);
  }

  // Duplicates within the file: the later row is the error, pointing at the first.
  const firstEmail = new Map<string, number>();
  const firstUid = new Map<string, number>();
  for (const c of candidates) {
    const email = c.fields.email;
    if (email) {
      const seen = firstEmail.get(email);
      if (seen !== undefined) addError(c.row, t("emailTwice", { email, row: seen }));
      else firstEmail.set(email, c.row);
    }
    if (c.uid) {
      const seen = firstUid.get(c.uid);
      if (seen !== undefined) addError(c.row, t("uidTwice", { uid: c.uid, row: seen }));
      else firstUid.set(c.uid, c.row);
    }
  }

  // Duplicates of members already there.
  const emails = [...firstEmail.keys()];
  if (emails.length > 0) {
    const existing = await db
      .select({ email: sql<string>`lower(${members.email})`, uid: members.uid, firstName: members.firstName, lastName: members.lastName })
      .from(members)
      .where(and(eq(members.dojoId, dojoId), inArray(sql`lower(${members.email})`, emails)));
    for (const m of existing) {
      for (const c of candidates) if (c.fields.email === m.email) addError(c.row, t("emailTaken", { email: m.email, name: fullName(m), uid: m.uid }));
    }
  }
  const uids = [...firstUid.keys()];
  if (uids.length > 0) {
    const taken = await db.select({ uid: members.uid, dojoId: members.dojoId, firstName: members.firstName, lastName: members.lastName }).from(members).where(inArray(members.uid, uids));
    for (const m of taken) {
      const text = m.dojoId === dojoId ? t("uidOwn", { uid: m.uid, name: fullName(m) }) : t("uidTaken", { uid: m.uid });
      for (const c of candidates) if (c.uid === m.uid) addError(c.row, text);
    }
  }

  const list = [...errors.entries()].sort(([a], [b]) => a - b).map(([row, messages]) => ({ row, messages }));
  return { columns, rows, candidates, errors: list };
}
