import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stripeConnections } from "@/db/schema";
import { refused, unavailable } from "@/lib/errors";
import { decryptSecret } from "@/lib/crypto";
import { stripeFor } from "./client";
import { deleteWebhookEndpoint } from "./webhook-endpoint";

/**
 * Deletes the webhook endpoint in Stripe (already gone is fine), then the keys. When Stripe
 * cannot be reached nothing changes, so the owner can simply try again.
 */
export async function disconnectStripe(db: Db, dojoId: string): Promise<void> {
  const [connection] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  if (!connection) throw refused("stripe.not_connected_disconnect");
  if (connection.webhookEndpointId) {
    try {
      await deleteWebhookEndpoint(stripeFor(decryptSecret(connection.secretKeyEnc)), connection.webhookEndpointId);
    } catch (error) {
      console.error("Could not delete the Stripe webhook endpoint", error);
      throw unavailable("stripe.unreachable_disconnecting");
    }
  }
  // Only the connection we looked at (each encryption is unique): a reconnect in between stays.
  await db.delete(stripeConnections).where(and(eq(stripeConnections.dojoId, dojoId), eq(stripeConnections.secretKeyEnc, connection.secretKeyEnc)));
}
