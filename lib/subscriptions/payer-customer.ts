import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { families, members } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";
import type { Payer } from "@/lib/families/payer";
import { ensureStripeCustomer, requireStripeCustomer } from "./stripe-customer";
import { stripeFailure } from "./stripe-failure";

async function contactFamily(db: DbOrTx, dojoId: string, familyId: string) {
  const [family] = await db
    .select({ id: families.id, name: families.payerName, email: families.payerEmail, stripeCustomerId: families.stripeCustomerId })
    .from(families)
    .where(and(eq(families.dojoId, dojoId), eq(families.id, familyId), isNull(families.payerMemberId)));
  if (!family) throw new NotFoundError("Family");
  return family;
}

/**
 * The family's own Stripe customer (its payer is a contact), created and linked when there is
 * none: the contact's name and e-mail, keyed by the family so two clicks make one customer; a
 * concurrent link keeps the first one written.
 */
export async function ensureFamilyCustomer(db: DbOrTx, stripe: Stripe, dojoId: string, familyId: string): Promise<string> {
  const family = await contactFamily(db, dojoId, familyId);
  if (family.stripeCustomerId) return family.stripeCustomerId;
  let customer: Stripe.Customer;
  try {
    customer = await stripe.customers.create(
      { name: family.name ?? "", email: family.email ?? undefined, metadata: { tatami_dojo_id: dojoId, tatami_family_id: family.id } },
      { idempotencyKey: `customer-family-${family.id}` },
    );
  } catch (error) {
    throw stripeFailure(error, "creating the Stripe customer");
  }
  const [linked] = await db
    .update(families)
    .set({ stripeCustomerId: customer.id, updatedAt: new Date() })
    .where(and(eq(families.dojoId, dojoId), eq(families.id, familyId), isNull(families.stripeCustomerId)))
    .returning({ id: families.stripeCustomerId });
  return linked?.id ?? (await contactFamily(db, dojoId, familyId)).stripeCustomerId!;
}

/** The payer's customer, created and linked when there is none. */
export async function ensurePayerCustomer(db: DbOrTx, stripe: Stripe, dojoId: string, payer: Payer): Promise<string> {
  return payer.kind === "member" ? ensureStripeCustomer(db, stripe, dojoId, payer.memberId) : ensureFamilyCustomer(db, stripe, dojoId, payer.familyId);
}

/** The payer's linked customer, or a clear error asking staff to create one first. */
export async function requirePayerCustomer(db: DbOrTx, dojoId: string, payer: Payer): Promise<string> {
  if (payer.kind === "member") return requireStripeCustomer(db, dojoId, payer.memberId);
  const family = await contactFamily(db, dojoId, payer.familyId);
  if (!family.stripeCustomerId) throw refused("customer.none");
  return family.stripeCustomerId;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The payer's linked customer id, or null (also for an id that is no uuid, e.g. from Stripe metadata). */
export async function payerCustomerId(db: DbOrTx, dojoId: string, payer: Payer): Promise<string | null> {
  if (!UUID.test(payer.kind === "member" ? payer.memberId : payer.familyId)) return null;
  if (payer.kind === "member") {
    const [m] = await db.select({ id: members.stripeCustomerId }).from(members).where(and(eq(members.dojoId, dojoId), eq(members.id, payer.memberId)));
    return m?.id ?? null;
  }
  const [f] = await db.select({ id: families.stripeCustomerId }).from(families).where(and(eq(families.dojoId, dojoId), eq(families.id, payer.familyId)));
  return f?.id ?? null;
}
