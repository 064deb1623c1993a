import { and, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, familyMembers, memberSubscriptions } from "@/db/schema";
import { LIVE_SUBSCRIPTION_STATUSES } from "@/lib/stripe/subscription-status";

/**
 * The dojo's family discount for a new subscription of this member: its percentage when the
 * member's family already has another member with a running subscription (the rule is "from the
 * second member"), else 0. Decided once, when the subscription is created.
 */
export async function familyDiscountPercent(db: DbOrTx, dojoId: string, memberId: string): Promise<number> {
  const [dojo] = await db.select({ percent: dojos.familyDiscountPercent }).from(dojos).where(eq(dojos.id, dojoId));
  if (!dojo || dojo.percent <= 0) return 0;
  const [mine] = await db.select({ familyId: familyMembers.familyId }).from(familyMembers).where(and(eq(familyMembers.dojoId, dojoId), eq(familyMembers.memberId, memberId)));
  if (!mine) return 0;
  const [other] = await db
    .select({ id: memberSubscriptions.id })
    .from(memberSubscriptions)
    .innerJoin(familyMembers, and(eq(familyMembers.dojoId, memberSubscriptions.dojoId), eq(familyMembers.memberId, memberSubscriptions.memberId)))
    .where(
      and(
        eq(memberSubscriptions.dojoId, dojoId),
        eq(familyMembers.familyId, mine.familyId),
        ne(memberSubscriptions.memberId, memberId),
        inArray(memberSubscriptions.status, [...LIVE_SUBSCRIPTION_STATUSES]),
      ),
    )
    .limit(1);
  return other ? dojo.percent : 0;
}

/** A price less a whole percentage, in minor units (rounded to the nearest unit). */
export function discountedMinor(amountMinor: number, percent: number): number {
  return Math.round((amountMinor * (100 - percent)) / 100);
}
