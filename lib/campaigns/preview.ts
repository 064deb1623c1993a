import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import type { MergeValues } from "@/lib/mail/merge-codes";
import { mergeValuesFor, portalUrl } from "./merge-values";

/** A member of this dojo and their merge values, for a preview or a test send. */
export async function memberMergeValues(db: DbOrTx, dojo: { id: string; name: string }, memberId: string) {
  const [member] = await db
    .select({ memberId: members.id, firstName: members.firstName, lastName: members.lastName, uid: members.uid, email: members.email, language: members.language })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.dojoId, dojo.id)));
  if (!member) throw new NotFoundError("Member");
  return { member, values: await mergeValuesFor(db, dojo, member) };
}

/** Stand-in values for a test send without a chosen member: every code visibly filled. */
export function sampleValues(dojo: { name: string }, staff: { name: string; email: string }): MergeValues {
  const [first, ...rest] = staff.name.split(" ");
  return {
    firstname: first || staff.name,
    lastname: rest.join(" ") || "Sample",
    fullname: staff.name,
    uid: "SAMPLE1",
    email: staff.email,
    dojoname: dojo.name,
    portallink: portalUrl(),
    stripecardlink: portalUrl().replace(/\/portal\/login$/, "/card/example-link"),
    familyname: rest.join(" ") || "Sample",
  };
}
