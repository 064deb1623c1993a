"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { importMembers } from "@/lib/members/import/import-members";
import { previewMemberImport } from "@/lib/members/import/preview";
import { memberImportSchema } from "@/lib/members/import/schemas";

/** Reads the file and checks every row; writes nothing. */
export const previewMemberImportAction = staffAction({ schema: memberImportSchema, permission: "members" }, async ({ csv }, { dojo }) => {
  return previewMemberImport(await getDb(), dojo.id, csv);
});

/** Imports every member of the file in one transaction, or none when any row has an error. */
export const importMembersAction = staffAction({ schema: memberImportSchema, permission: "members" }, async ({ csv }, { dojo }) => {
  const db = await getDb();
  const result = await db.transaction((tx) => importMembers(tx, dojo.id, csv));
  revalidatePath("/members");
  return result;
});
