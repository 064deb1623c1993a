import type { DbOrTx } from "@/db/client";
import { liveCardLink, liveCardLinks } from "@/lib/card-links/live-card-link";
import { env } from "@/lib/env";
import type { MergeValues } from "@/lib/mail/merge-codes";
import { fullName } from "@/lib/members/full-name";

export function portalUrl(): string {
  return `${env().APP_URL}/portal/login`;
}

type MergeMember = { memberId: string; firstName: string; lastName: string; uid: string; email: string | null };

/** What each merge code becomes for one member whose card link URL is known. */
export function mergeValuesWith(dojo: { name: string }, member: MergeMember, cardLinkUrl: string): MergeValues {
  return {
    firstname: member.firstName,
    lastname: member.lastName,
    fullname: fullName(member),
    uid: member.uid,
    email: member.email ?? "",
    dojoname: dojo.name,
    portallink: portalUrl(),
    stripecardlink: cardLinkUrl,
  };
}

/**
 * What each merge code becomes for one member. `{stripecardlink}` is the member's live card link
 * (created on first use): the same URL every time, so a batch rebuilt after a restart is identical.
 */
export async function mergeValuesFor(db: DbOrTx, dojo: { id: string; name: string }, member: MergeMember): Promise<MergeValues> {
  const { url } = await liveCardLink(db, dojo.id, member.memberId);
  return mergeValuesWith(dojo, member, url);
}

/** The merge values of a batch of the dojo's members, their card links read and created in one go. */
export async function mergeValuesForMany<M extends MergeMember>(db: DbOrTx, dojo: { id: string; name: string }, batch: M[]): Promise<Array<M & { values: MergeValues }>> {
  const urls = await liveCardLinks(
    db,
    dojo.id,
    batch.map((m) => m.memberId),
  );
  return batch.map((m) => ({ ...m, values: mergeValuesWith(dojo, m, urls.get(m.memberId)!) }));
}
