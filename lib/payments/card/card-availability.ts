import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, type Dojo } from "@/db/schema";
import { env } from "@/lib/env";
import { hasFeature } from "@/lib/account-plans/features";
import { stripeFor } from "@/lib/stripe/client";
import { getStripeConnection } from "@/lib/stripe/connection";
import { decryptSecret } from "@/lib/crypto";
import { enabledMethods, type PaymentMethod } from "@/lib/stripe/payment-methods";
import { savedCardOf, type SavedCard } from "./saved-card";

export interface CardAvailability {
  /** The dojo's plan includes card payments (otherwise no card button is shown at all). */
  planAllows: boolean;
  connected: boolean;
  /** Where the browser loads Stripe.js from; null means js.stripe.com (loadStripe's default). */
  stripeJsUrl: string | null;
  /** What Checkout offers (card first; iDEAL, Bancontact, SEPA when the dojo turned them on). */
  methods: PaymentMethod[];
}

export async function cardAvailability(db: DbOrTx, dojo: Pick<Dojo, "id" | "plan">): Promise<CardAvailability> {
  const planAllows = hasFeature(dojo.plan, "stripePayments");
  const connection = planAllows ? await getStripeConnection(db, dojo.id) : null;
  return { planAllows, connected: connection !== null, stripeJsUrl: env().STRIPE_JS_URL ?? null, methods: connection ? enabledMethods(connection.paymentMethods, connection.currency) : [] };
}

/** The member's saved card for "Charge saved card"; a Stripe hiccup just hides the option. */
export async function memberSavedCard(db: DbOrTx, dojoId: string, memberId: string, opts: { withMandate?: boolean } = {}): Promise<SavedCard | null> {
  const [member] = await db.select({ customerId: members.stripeCustomerId }).from(members).where(and(eq(members.id, memberId), eq(members.dojoId, dojoId)));
  if (!member?.customerId) return null;
  const connection = await getStripeConnection(db, dojoId);
  if (!connection) return null;
  try {
    return await savedCardOf(stripeFor(decryptSecret(connection.secretKeyEnc)), member.customerId, opts);
  } catch (error) {
    console.error("Could not read the member's saved card", error);
    return null;
  }
}
