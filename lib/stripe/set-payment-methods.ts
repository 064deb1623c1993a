import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stripeConnections } from "@/db/schema";
import { refused } from "@/lib/errors";
import { enabledMethods, type PaymentMethod } from "./payment-methods";

/**
 * Stores the methods the dojo offers in Checkout. Card is always kept; a method the account's
 * currency does not allow (the EUR-only ones on a USD account) is dropped rather than stored, so
 * no Checkout Session is ever opened that Stripe would refuse. Sessions already open keep theirs.
 */
export async function setPaymentMethods(db: Db, dojoId: string, methods: readonly string[]): Promise<PaymentMethod[]> {
  const [connection] = await db.select({ currency: stripeConnections.currency }).from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  if (!connection) throw refused("stripe.not_connected");
  const kept = enabledMethods(methods, connection.currency);
  await db.update(stripeConnections).set({ paymentMethods: kept }).where(eq(stripeConnections.dojoId, dojoId));
  return kept;
}
