import type { DbOrTx } from "@/db/client";
import { liveCardLinks } from "@/lib/card-links/live-card-link";
import { env } from "@/lib/env";
import type { MergeValues } from "@/lib/mail/merge-codes";
import { fullName } from "@/lib/members/full-name";
import { familiesOfMembers, payerKey, payersOf } from "@/lib/families/payer";

export function portalUrl(): string {
  return `${env().APP_URL}/portal/login`;
}

type MergeMember = { memberId: string; firstName: string; lastName: string; uid: string; email: string | null };

/** What each merge code becomes for one member whose card link URL and family name are known. */
export function mergeValuesWith(dojo: { name: string }, member: MergeMember, cardLinkUrl: string, familyName = ""): MergeValues {
  return {
    firstname: member.firstName,
    lastname: member.lastName,
    fullname: fullName(member),
    uid: member.uid,
    email: member.email ?? "",
    dojoname: dojo.name,
    portallink: portalUrl(),
    stripecardlink: cardLinkUrl,
    familyname: familyName,
  };
}

/**
 * What each merge code becomes for one member. `{stripecardlink}` is the live card link (created
 * on first use) of whoever pays: the member, their family's paying member, or the family itself
 * when a contact pays (its link adds a card to the family's customer). The same URL every
 * time, so a batch rebuilt after a restart is identical.
 */
export async function mergeValuesFor(db: DbOrTx, dojo: { id: string; name: string }, member: MergeMember): Promise<MergeValues> {
  return (await mergeValuesForMany(db, dojo, [member]))[0].values;
}

/** The merge values of a batch of the dojo's members, their card links read and created in one go. */
export async function mergeValuesForMany<M extends MergeMember>(db: DbOrTx, dojo: { id: string; name: string }, batch: M[]): Promise<Array<M & { values: MergeValues }>> {
  const ids = batch.map((m) => m.memberId);
  const familiesOf = await familiesOfMembers(db, dojo.id, ids);
  const payers = payersOf(ids, familiesOf);
  const urls = await liveCardLinks(db, dojo.id, [...payers.values()]);
  return batch.map((m) => ({ ...m, values: mergeValuesWith(dojo, m, urls.get(payerKey(payers.get(m.memberId)!))!, familiesOf.get(m.memberId)?.name ?? "") }));
}
