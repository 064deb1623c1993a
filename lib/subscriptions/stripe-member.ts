import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { families, members } from "@/db/schema";
import { idOf } from "@/lib/stripe/objects";
import { familyMemberOfContactFamily, familyMemberPaidBy } from "@/lib/families/payer";

/** The member of this dojo linked to a Stripe customer, or null (not one of ours). */
export async function memberForCustomer(db: DbOrTx, dojoId: string, customer: string | { id?: string } | null) {
  const customerId = idOf(customer);
  if (!customerId) return null;
  const [member] = await db
    .select({ id: members.id, firstName: members.firstName, lastName: members.lastName, email: members.email })
    .from(members)
    .where(and(eq(members.dojoId, dojoId), eq(members.stripeCustomerId, customerId)));
  return member ?? null;
}

/**
 * Whom a subscription (or its invoice) on this customer is for, from the `tatami_member_id` it was
 * created with: on a member's customer, that member or one of the family they pay for; on a
 * contact-paid family's customer, one of that family's members (else null: metadata is only
 * trusted within the payer's own family). `familyId` when the payer pays for a family;
 * `payerMemberId` the paying member (null: a contact pays).
 */
export async function subscriptionMemberOf(db: DbOrTx, dojoId: string, customer: string | { id?: string } | null, claimedMemberId: string | undefined): Promise<{ memberId: string; familyId: string | null; payerMemberId: string | null } | null> {
  const payer = await memberForCustomer(db, dojoId, customer);
  if (payer) return { ...(await familyMemberPaidBy(db, dojoId, payer.id, claimedMemberId)), payerMemberId: payer.id };
  const family = await familyForCustomer(db, dojoId, customer);
  if (!family) return null;
  const memberId = await familyMemberOfContactFamily(db, dojoId, family.id, claimedMemberId);
  return memberId ? { memberId, familyId: family.id, payerMemberId: null } : null;
}

/** The contact-paid family of this dojo whose customer this is, or null. */
export async function familyForCustomer(db: DbOrTx, dojoId: string, customer: string | { id?: string } | null): Promise<{ id: string; name: string } | null> {
  const customerId = idOf(customer);
  if (!customerId) return null;
  const [family] = await db.select({ id: families.id, name: families.name }).from(families).where(and(eq(families.dojoId, dojoId), eq(families.stripeCustomerId, customerId)));
  return family ?? null;
}
