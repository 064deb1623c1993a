import "server-only";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { stripeEvents, type StripeConnection } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { stripeFor } from "./client";
import { isAuthenticationError, isMissingInStripe } from "./errors";
import { maskKey } from "./keys";
import { webhookUrlFor } from "./webhook-endpoint";

export type WebhookState =
  | { state: "enabled" }
  | { state: "disabled" | "missing" | "elsewhere" | "key-rejected" | "unreachable"; message: string };

/** What the Settings → Stripe tab shows of a connection: never a secret, at most a masked key. */
export interface StripeConnectionView {
  accountId: string;
  accountName: string | null;
  livemode: boolean;
  currency: string;
  publishableKey: string;
  secretKeyMasked: string;
  webhookUrl: string | null;
  lastEventAt: Date | null;
  connectedAt: Date;
}

export function connectionView(connection: StripeConnection): StripeConnectionView {
  return {
    accountId: connection.accountId,
    accountName: connection.accountName,
    livemode: connection.livemode,
    currency: connection.currency,
    publishableKey: connection.publishableKey,
    secretKeyMasked: maskKey(decryptSecret(connection.secretKeyEnc)),
    webhookUrl: connection.webhookUrl,
    lastEventAt: connection.lastEventAt,
    connectedAt: connection.connectedAt,
  };
}

/** Asks Stripe how the dojo's endpoint is doing; a settings page should not hang on it. */
export async function webhookState(connection: StripeConnection): Promise<WebhookState> {
  if (!connection.webhookEndpointId) return { state: "missing", message: "No webhook endpoint is registered. Reconnect to create one." };
  try {
    const endpoint = await stripeFor(decryptSecret(connection.secretKeyEnc)).webhookEndpoints.retrieve(connection.webhookEndpointId, {}, { timeout: 5_000, maxNetworkRetries: 0 });
    if (endpoint.url !== webhookUrlFor(connection.dojoId)) {
      return { state: "elsewhere", message: `The endpoint sends events to ${endpoint.url}, not to this installation. Reconnect to fix it.` };
    }
    if (endpoint.status !== "enabled") return { state: "disabled", message: "The endpoint is disabled in Stripe: enable it in the Stripe dashboard or reconnect." };
    return { state: "enabled" };
  } catch (error) {
    if (isMissingInStripe(error)) return { state: "missing", message: "The endpoint was deleted in Stripe. Reconnect to create a new one." };
    if (isAuthenticationError(error)) return { state: "key-rejected", message: "Stripe no longer accepts the secret key. Reconnect with a current key." };
    return { state: "unreachable", message: "Stripe could not be reached to check the endpoint." };
  }
}

export const RECENT_EVENTS_LIMIT = 50;

export async function recentStripeEvents(db: DbOrTx, dojoId: string, limit = RECENT_EVENTS_LIMIT) {
  return db
    .select({ id: stripeEvents.id, eventId: stripeEvents.eventId, type: stripeEvents.type, status: stripeEvents.status, error: stripeEvents.error, receivedAt: stripeEvents.receivedAt })
    .from(stripeEvents)
    .where(eq(stripeEvents.dojoId, dojoId))
    .orderBy(desc(stripeEvents.receivedAt), desc(stripeEvents.id))
    .limit(limit);
}
