import type { DbOrTx } from "@/db/client";
import { liveCardLink } from "@/lib/card-links/live-card-link";
import { env } from "@/lib/env";
import type { MergeValues } from "@/lib/mail/merge-codes";
import { fullName } from "@/lib/members/full-name";

export function portalUrl(): string {
  return `${env().APP_URL}/portal/login`;
}

/**
 * What each merge code becomes for one member. `{stripecardlink}` is the member's live card link
 * (created on first use): the same URL every time, so a batch rebuilt after a restart is identical.
 */
export async function mergeValuesFor(
  db: DbOrTx,
  dojo: { id: string; name: string },
  member: { memberId: string; firstName: string; lastName: string; uid: string; email: string | null },
): Promise<MergeValues> {
  const { url } = await liveCardLink(db, dojo.id, member.memberId);
  return {
    firstname: member.firstName,
    lastname: member.lastName,
    fullname: fullName(member),
    uid: member.uid,
    email: member.email ?? "",
    dojoname: dojo.name,
    portallink: portalUrl(),
    stripecardlink: url,
  };
}
