import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, type MemberStatus } from "@/db/schema";
import { memberFieldsSchema, type MemberFields } from "../schemas";
import { isUid } from "../uid";
import { IMPORT_FIELD_LABELS, type ImportField } from "./columns";
import { parseImportFile, type ImportColumn, type RawImportRow } from "./parse";
import { fullName } from "../full-name";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
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
// The import's row errors are English, like the rest of their sentence.
const fieldWords = translator(DEFAULT_LOCALE, "validation");

function candidateOf(raw: RawImportRow): { candidate?: ImportCandidate; messages: string[] } {
  const messages = [...raw.problems];
  const cells = raw.cells;
  const birthDate = cells.birthDate?.trim() ?? "";
  if (birthDate && !ISO_DATE.test(birthDate)) messages.push(`Birth date: “${birthDate}” is not a date in the form YYYY-MM-DD (e.g. 1990-04-23)`);

  const parsed = memberFieldsSchema.safeParse({ ...cells, birthDate: ISO_DATE.test(birthDate) ? birthDate : null });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ImportField;
      messages.push(`${IMPORT_FIELD_LABELS[field] ?? field}: ${validationText(issue.message, fieldWords)}${field === "email" ? ` (“${cells.email?.trim()}”)` : ""}`);
    }
  }
  const uid = cells.uid?.trim().toUpperCase() || null;
  if (uid && !isUid(uid)) messages.push(`UID: “${uid}” is not a Tatami UID (7 letters and digits); leave it empty to give the member a new one`);
  const status = (cells.status?.trim().toLowerCase() || "active") as MemberStatus;
  if (status !== "active" && status !== "inactive") messages.push(`Status: “${cells.status?.trim()}” must be active or inactive (empty means active)`);

  if (messages.length > 0 || !parsed.success) return { messages };
  return { candidate: { row: raw.row, uid, status, fields: parsed.data }, messages };
}

/**
 * Parses and checks a member file: every row's fields, and no e-mail or UID twice, neither in
 * the file nor against the dojo's members (UIDs are unique across all dojos: a UID taken
 * elsewhere is refused without saying where). Returns every row error, in row order.
 */
export async function checkMemberImport(db: DbOrTx, dojoId: string, csv: string): Promise<CheckedImport> {
  const { columns, rows } = parseImportFile(csv);
  const errors = new Map<number, string[]>();
  const addError = (row: number, message: string) => errors.set(row, [...(errors.get(row) ?? []), message]);

  const candidates: ImportCandidate[] = [];
  for (const raw of rows) {
    const { candidate, messages } = candidateOf(raw);
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
      if (seen !== undefined) addError(c.row, `E-mail: ${email} is also on row ${seen}`);
      else firstEmail.set(email, c.row);
    }
    if (c.uid) {
      const seen = firstUid.get(c.uid);
      if (seen !== undefined) addError(c.row, `UID: ${c.uid} is also on row ${seen}`);
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
      for (const c of candidates) if (c.fields.email === m.email) addError(c.row, `E-mail: ${m.email} already belongs to ${fullName(m)} (UID ${m.uid})`);
    }
  }
  const uids = [...firstUid.keys()];
  if (uids.length > 0) {
    const taken = await db.select({ uid: members.uid, dojoId: members.dojoId, firstName: members.firstName, lastName: members.lastName }).from(members).where(inArray(members.uid, uids));
    for (const m of taken) {
      const owner = m.dojoId === dojoId ? `already belongs to ${fullName(m)}` : "is already taken";
      for (const c of candidates) if (c.uid === m.uid) addError(c.row, `UID: ${m.uid} ${owner}; leave it empty to give the member a new one`);
    }
  }

  const list = [...errors.entries()].sort(([a], [b]) => a - b).map(([row, messages]) => ({ row, messages }));
  return { columns, rows, candidates, errors: list };
}
