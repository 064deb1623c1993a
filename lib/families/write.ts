import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { cardLinks, dojos, families, familyMembers, invoices } from "@/db/schema";
import { refused } from "@/lib/errors";
import { requireMember } from "@/lib/members/get";
import { requireFamily } from "./read";
import type { FamilyFields } from "./schemas";

type MemberField = "payerMemberId" | "memberId";
const inAnotherFamily = (field: MemberField) => refused("family.member_in_other_family", { field });

/** Puts a member of this dojo into the family; a member belongs to at most one (the unique key decides a race). */
async function joinFamily(db: DbOrTx, dojoId: string, familyId: string, memberId: string, field: MemberField) {
  await requireMember(db, dojoId, memberId);
  const [current] = await db.select({ familyId: familyMembers.familyId }).from(familyMembers).where(and(eq(familyMembers.dojoId, dojoId), eq(familyMembers.memberId, memberId)));
  if (current?.familyId === familyId) return;
  if (current) throw inAnotherFamily(field);
  try {
    await db.transaction((sp) => sp.insert(familyMembers).values({ dojoId, familyId, memberId }));
  } catch (error) {
    if (isUniqueViolation(error)) throw inAnotherFamily(field);
    throw error;
  }
}

const payerColumns = (payer: FamilyFields["payer"]) =>
  payer.kind === "member" ? { payerMemberId: payer.memberId, payerName: null, payerEmail: null } : { payerMemberId: null, payerName: payer.name, payerEmail: payer.email };

/** A new family; a paying member becomes one of its members. */
export async function createFamily(db: DbOrTx, dojoId: string, fields: FamilyFields): Promise<{ id: string }> {
  if (fields.payer.kind === "member") await requireMember(db, dojoId, fields.payer.memberId);
  const [family] = await db
    .insert(families)
    .values({ dojoId, name: fields.name, ...payerColumns(fields.payer) })
    .returning({ id: families.id });
  if (fields.payer.kind === "member") await joinFamily(db, dojoId, family.id, fields.payer.memberId, "payerMemberId");
  return family;
}

/**
 * Renames the family or changes its payer. A contact payer's Stripe customer stays with the
 * family only while the contact pays; a member payer brings their own.
 */
export async function updateFamily(db: DbOrTx, dojoId: string, familyId: string, fields: FamilyFields): Promise<void> {
  const before = await requireFamily(db, dojoId, familyId);
  if (fields.payer.kind === "member") await requireMember(db, dojoId, fields.payer.memberId);
  const keepsContact = fields.payer.kind === "contact" && before.payer.memberId === null;
  await db
    .update(families)
    .set({ name: fields.name, ...payerColumns(fields.payer), ...(keepsContact ? {} : { stripeCustomerId: null }), updatedAt: new Date() })
    .where(and(eq(families.dojoId, dojoId), eq(families.id, familyId)));
  if (fields.payer.kind === "member") await joinFamily(db, dojoId, familyId, fields.payer.memberId, "payerMemberId");
}

export async function addFamilyMember(db: DbOrTx, dojoId: string, familyId: string, memberId: string): Promise<void> {
  await requireFamily(db, dojoId, familyId);
  await joinFamily(db, dojoId, familyId, memberId, "memberId");
}

/** Takes a member out of the family; the paying member stays until another payer is chosen. */
export async function removeFamilyMember(db: DbOrTx, dojoId: string, familyId: string, memberId: string): Promise<void> {
  const family = await requireFamily(db, dojoId, familyId);
  if (family.payer.memberId === memberId) throw refused("family.payer_cannot_leave");
  await db.delete(familyMembers).where(and(eq(familyMembers.dojoId, dojoId), eq(familyMembers.familyId, familyId), eq(familyMembers.memberId, memberId)));
}

/** Deletes a family (its members stay members). A family with invoices stays: they are addressed to it. */
export async function deleteFamily(db: DbOrTx, dojoId: string, familyId: string): Promise<void> {
  await requireFamily(db, dojoId, familyId);
  const [invoice] = await db.select({ id: invoices.id }).from(invoices).where(and(eq(invoices.dojoId, dojoId), eq(invoices.familyId, familyId))).limit(1);
  if (invoice) throw refused("family.has_invoices");
  await db.delete(familyMembers).where(and(eq(familyMembers.dojoId, dojoId), eq(familyMembers.familyId, familyId)));
  await db.delete(cardLinks).where(and(eq(cardLinks.dojoId, dojoId), eq(cardLinks.familyId, familyId)));
  await db.delete(families).where(and(eq(families.dojoId, dojoId), eq(families.id, familyId)));
}

export async function setFamilyDiscount(db: DbOrTx, dojoId: string, percent: number): Promise<void> {
  await db.update(dojos).set({ familyDiscountPercent: percent }).where(eq(dojos.id, dojoId));
}
