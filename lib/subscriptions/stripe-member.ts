import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { idOf } from "@/lib/stripe/objects";

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
