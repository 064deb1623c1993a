import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { members } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { invalidInput } from "@/lib/errors";
import { newUid } from "../uid";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { checkMemberImport } from "./validate";

const INSERT_CHUNK = 1_000;
const UID_ATTEMPTS = 5;


/**
 * Imports every member of the file or none: the checks and the inserts run in the caller's
 * transaction, behind a per-dojo lock so two imports at once cannot both add one e-mail.
 * Members are created in the file's order (each a microsecond after the one before, so lists
 * and exports "by time" keep that order).
 */
export async function importMembers(tx: Tx, dojoId: string, csv: string, nextUid: () => string = newUid, locale: StaffLocale = "en"): Promise<{ imported: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`member-import:${dojoId}`}))`);
  const { candidates, errors } = await checkMemberImport(tx, dojoId, csv, locale);
  if (errors.length > 0) {
    throw invalidInput("member_import.rows", { rows: errors.map(({ row, messages }) => ({ row, messages })) });
  }

  for (let start = 0; start < candidates.length; start += INSERT_CHUNK) {
    const chunk = candidates.slice(start, start + INSERT_CHUNK);
    for (let attempt = 1; ; attempt++) {
      try {
        // A savepoint: a new UID colliding with one of another dojo is retried with fresh ones.
        await tx.transaction(async (sp) => {
          await sp.insert(members).values(
            chunk.map((c, i) => ({
              dojoId,
              uid: c.uid ?? nextUid(),
              status: c.status,
              ...c.fields,
              createdAt: sql`now() + make_interval(secs => ${(start + i) / 1_000_000})`,
            })),
          );
        });
        break;
      } catch (error) {
        if (attempt < UID_ATTEMPTS && isUniqueViolation(error)?.includes("uid")) continue;
        throw error;
      }
    }
  }
  return { imported: candidates.length };
}
