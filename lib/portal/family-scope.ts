import type { DbOrTx } from "@/db/client";
import { refused } from "@/lib/errors";
import { familyOfMember } from "@/lib/families/read";
import { billingMemberId } from "@/lib/families/payer";
import { fullName } from "@/lib/members/full-name";

/**
 * What a member's login sees and may do in the members area. The paying member of a family sees
 * every family member's invoices and subscriptions and pays with the family's card. A child (any
 * member whose family another member pays for) keeps their own login: their own invoices and
 * subscriptions, read-only — no paying and no card. Everyone else: their own, with payment.
 */
export interface PortalScope {
  dojoId: string;
  memberId: string;
  /** Whose invoices and subscriptions are shown: the member, or the payer's whole family. */
  memberIds: string[];
  canPay: boolean;
  family: { name: string; payerName: string; members: { id: string; name: string }[] } | null;
}

export async function portalScope(db: DbOrTx, dojoId: string, memberId: string): Promise<PortalScope> {
  const [family, payerId] = await Promise.all([familyOfMember(db, dojoId, memberId), billingMemberId(db, dojoId, memberId)]);
  const paysForFamily = !!family && family.payer.memberId === memberId;
  return {
    dojoId,
    memberId,
    memberIds: paysForFamily ? family.members.map((m) => m.id) : [memberId],
    canPay: payerId === memberId,
    family: family ? { name: family.name, payerName: family.payer.name, members: family.members.map((m) => ({ id: m.id, name: fullName(m) })) } : null,
  };
}

/**
 * For the members area's payment, card and pause actions: a child whose family someone else pays
 * for is refused. The members whose subscriptions this login pays for: the member, and for a
 * family's paying member the whole family.
 */
export async function requirePaymentRights(db: DbOrTx, dojoId: string, memberId: string): Promise<string[]> {
  const scope = await portalScope(db, dojoId, memberId);
  if (!scope.canPay) throw refused("portal.family_payer_pays");
  return scope.memberIds;
}
