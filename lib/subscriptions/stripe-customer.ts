import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";
import { stripeFailure } from "./stripe-failure";
import { queueCustomerImport } from "./import-customer-invoices";
import { syncSubscription } from "./sync-subscription";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { fullName } from "@/lib/members/full-name";


async function memberOf(db: DbOrTx, dojoId: string, memberId: string) {
  const [member] = await db
    .select({ id: members.id, firstName: members.firstName, lastName: members.lastName, email: members.email, stripeCustomerId: members.stripeCustomerId })
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.dojoId, dojoId)));
  if (!member) throw new NotFoundError("Member");
  return member;
}

/**
 * "Set customer ID": the customer must exist in this dojo's Stripe account (another account's
 * customer answers 404 to this key) and not be linked to another member of the dojo. The link
 * and the job importing the customer's past paid subscription invoices are written together.
 */
export async function linkStripeCustomer(db: DbOrTx, stripe: Stripe, dojoId: string, memberId: string, customerId: string): Promise<void> {
  await memberOf(db, dojoId, memberId);
  let customer: Stripe.Customer | Stripe.DeletedCustomer;
  try {
    customer = await stripe.customers.retrieve(customerId);
  } catch (error) {
    if (isMissingInStripe(error)) throw refused("customer.missing_in_stripe", { customerId });
    throw stripeFailure(error, "reading the Stripe customer");
  }
  if (customer.deleted) throw refused("customer.deleted_in_stripe", { customerId });
  const [other] = await db
    .select({ firstName: members.firstName, lastName: members.lastName })
    .from(members)
    .where(and(eq(members.dojoId, dojoId), eq(members.stripeCustomerId, customerId), ne(members.id, memberId)));
  if (other) throw refused("customer.linked_to_other", { customerId, memberName: fullName(other) });
  await db.transaction(async (tx) => {
    await tx.update(members).set({ stripeCustomerId: customerId, updatedAt: new Date() }).where(and(eq(members.id, memberId), eq(members.dojoId, dojoId)));
    await queueCustomerImport(tx, dojoId, memberId, customerId);
  });
  // Subscriptions the customer already has in Stripe show on the profile from now on.
  try {
    for await (const sub of stripe.subscriptions.list({ customer: customerId, status: "all", limit: 100 })) await syncSubscription(db, dojoId, sub);
  } catch (error) {
    throw stripeFailure(error, "reading the customer's subscriptions");
  }
}

/**
 * The member's Stripe customer, created and linked when there is none ("Create customer in
 * Stripe", the card link, "Add card now"). The idempotency key is the member's id, so two clicks
 * or two tabs make one customer; a concurrent link keeps the first one written.
 */
export async function ensureStripeCustomer(db: DbOrTx, stripe: Stripe, dojoId: string, memberId: string): Promise<string> {
  const member = await memberOf(db, dojoId, memberId);
  if (member.stripeCustomerId) return member.stripeCustomerId;
  let customer: Stripe.Customer;
  try {
    customer = await stripe.customers.create(
      {
        name: fullName(member),
        ...(member.email ? { email: member.email } : {}),
        metadata: { tatami_dojo_id: dojoId, tatami_member_id: member.id },
      },
      { idempotencyKey: `customer-${member.id}` },
    );
  } catch (error) {
    throw stripeFailure(error, "creating the Stripe customer");
  }
  const [linked] = await db
    .update(members)
    .set({ stripeCustomerId: customer.id, updatedAt: new Date() })
    .where(and(eq(members.id, memberId), eq(members.dojoId, dojoId), isNull(members.stripeCustomerId)))
    .returning({ id: members.stripeCustomerId });
  return linked?.id ?? (await memberOf(db, dojoId, memberId)).stripeCustomerId!;
}

/** The member's linked customer id, or a clear error asking staff to link one first. */
export async function requireStripeCustomer(db: DbOrTx, dojoId: string, memberId: string): Promise<string> {
  const member = await memberOf(db, dojoId, memberId);
  if (!member.stripeCustomerId) throw refused("customer.none");
  return member.stripeCustomerId;
}
