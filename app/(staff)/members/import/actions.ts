"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { resolveStaffLocale } from "@/lib/i18n/staff-locales";
import { staffAction } from "@/lib/action";
import { importMembers } from "@/lib/members/import/import-members";
import { previewMemberImport } from "@/lib/members/import/preview";
import { memberImportSchema } from "@/lib/members/import/schemas";

/** Reads the file and checks every row; writes nothing. */
export const previewMemberImportAction = staffAction({ schema: memberImportSchema, permission: "members" }, async ({ csv }, { dojo, user }) => {
  return previewMemberImport(await getDb(), dojo.id, csv, resolveStaffLocale(user.language, dojo.defaultLanguage));
});

/** Imports every member of the file in one transaction, or none when any row has an error. */
export const importMembersAction = staffAction({ schema: memberImportSchema, permission: "members" }, async ({ csv }, { dojo, user }) => {
  const db = await getDb();
  const result = await db.transaction((tx) => importMembers(tx, dojo.id, csv, undefined, resolveStaffLocale(user.language, dojo.defaultLanguage)));
  revalidatePath("/members");
  return result;
});
