import "server-only";
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { stripeConnections, type StripeConnection } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import { decryptSecret } from "@/lib/crypto";
import { stripeFor } from "./client";

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
  if (!connection) throw new ActionError("Stripe is not connected. The owner can connect it in Settings → Stripe.");
  return { stripe: stripeFor(decryptSecret(connection.secretKeyEnc)), connection };
}
