import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { stripeConnections, type StripeConnection } from "@/db/schema";
import { refused } from "@/lib/errors";
import { stripeForSealedKey } from "./client";

export async function getStripeConnection(db: DbOrTx, dojoId: string): Promise<StripeConnection | null> {
  const [row] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  return row ?? null;
}

export interface DojoStripe {
  stripe: Stripe;
  connection: StripeConnection;
}

/** The dojo's Stripe client, or a clear error when the dojo has not connected Stripe. */
export async function stripeForDojo(db: DbOrTx, dojoId: string): Promise<DojoStripe> {
  const connection = await getStripeConnection(db, dojoId);
  if (!connection) throw refused("stripe.not_connected");
  return { stripe: stripeForSealedKey(connection.secretKeyEnc), connection };
}
