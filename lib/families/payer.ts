import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { families, familyMembers } from "@/db/schema";

/**
 * Who pays for a member: a member (themself, or their family's paying member), or a family
 * whose payer is a contact who does not train. The payer owns the Stripe customer, the saved
 * card and the card link.
 */
export type Payer = { kind: "member"; memberId: string } | { kind: "family"; familyId: string };

/** A member's id stands for that member paying. */
export const asPayer = (holder: string | Payer): Payer => (typeof holder === "string" ? { kind: "member", memberId: holder } : holder);

/** One string per payer, for maps and idempotency keys. */
export const payerKey = (payer: Payer) => (payer.kind === "member" ? `member-${payer.memberId}` : `family-${payer.familyId}`);

export async function payerOf(db: DbOrTx, dojoId: string, memberId: string): Promise<Payer> {
  return payersOf([memberId], await familiesOfMembers(db, dojoId, [memberId])).get(memberId)!;
}

/**
 * The member whose customer, saved card and card link pay for a member: the paying member of
 * their family, else the member themself. Null for a child of a family a contact pays for (the
 * family's own customer pays: payerOf).
 */
export async function billingMemberId(db: DbOrTx, dojoId: string, memberId: string): Promise<string | null> {
  const payer = await payerOf(db, dojoId, memberId);
  return payer.kind === "member" ? payer.memberId : null;
}

type FamilyOf = { familyId: string; name: string; payerMemberId: string | null };

/** The family of each of these members that is in one: its name and its paying member (null: a contact pays). One query. */
export async function familiesOfMembers(db: DbOrTx, dojoId: string, memberIds: string[]): Promise<Map<string, FamilyOf>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .select({ memberId: familyMembers.memberId, familyId: families.id, name: families.name, payerMemberId: families.payerMemberId })
    .from(familyMembers)
    .innerJoin(families, and(eq(families.dojoId, familyMembers.dojoId), eq(families.id, familyMembers.familyId)))
    .where(and(eq(familyMembers.dojoId, dojoId), inArray(familyMembers.memberId, [...new Set(memberIds)])));
  return new Map(rows.map((r) => [r.memberId, { familyId: r.familyId, name: r.name, payerMemberId: r.payerMemberId }]));
}

/** payerOf for a batch: the family's paying member or contact, else the member. */
export function payersOf(memberIds: string[], familiesOf: Map<string, Omit<FamilyOf, "name">>): Map<string, Payer> {
  return new Map(
    memberIds.map((id): [string, Payer] => {
      const family = familiesOf.get(id);
      if (!family) return [id, { kind: "member", memberId: id }];
      return [id, family.payerMemberId ? { kind: "member", memberId: family.payerMemberId } : { kind: "family", familyId: family.familyId }];
    }),
  );
}

/** A subscription's member on a contact-paid family's customer: the one its metadata names, if in that family. */
export async function familyMemberOfContactFamily(db: DbOrTx, dojoId: string, familyId: string, claimedMemberId: string | undefined): Promise<string | null> {
  if (!claimedMemberId || !/^[0-9a-f-]{36}$/i.test(claimedMemberId)) return null;
  const [inFamily] = await db
    .select({ id: familyMembers.memberId })
    .from(familyMembers)
    .where(and(eq(familyMembers.dojoId, dojoId), eq(familyMembers.familyId, familyId), eq(familyMembers.memberId, claimedMemberId)));
  return inFamily?.id ?? null;
}

/**
 * The member a family's subscription (or its invoice) is for: the `tatami_member_id` it was
 * created with, when that member is in the family the customer's member pays for; otherwise
 * the customer's own member. Metadata is only trusted within the payer's own family.
 */
export async function familyMemberPaidBy(db: DbOrTx, dojoId: string, payerMemberId: string, claimedMemberId: string | undefined): Promise<{ memberId: string; familyId: string | null }> {
  const [payerFamily] = await db
    .select({ familyId: families.id })
    .from(families)
    .where(and(eq(families.dojoId, dojoId), eq(families.payerMemberId, payerMemberId)));
  if (!payerFamily) return { memberId: payerMemberId, familyId: null };
  if (!claimedMemberId || claimedMemberId === payerMemberId) return { memberId: payerMemberId, familyId: payerFamily.familyId };
  const [inFamily] = await db
    .select({ id: familyMembers.id })
    .from(familyMembers)
    .where(and(eq(familyMembers.dojoId, dojoId), eq(familyMembers.familyId, payerFamily.familyId), sql`${familyMembers.memberId}::text = ${claimedMemberId}`));
  return { memberId: inFamily ? claimedMemberId : payerMemberId, familyId: payerFamily.familyId };
}
