import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { stripeConnections } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { idSchema } from "@/lib/validation/common";
import { stripeFor } from "../client";
import { getStripeConnection } from "../connection";
import { dispatchEvent, type DispatchResult } from "./dispatch";

export type WebhookReply = { status: 200; body: { received: true; result: DispatchResult } } | { status: 400 | 413 | 500; body: { error: string } };

// Stripe's events are a few kilobytes; anything this big is not from Stripe and is refused
// before it is parsed or its signature computed.
export const MAX_WEBHOOK_BYTES = 256 * 1024;
export const TOO_LARGE: WebhookReply = { status: 413, body: { error: "Payload too large" } };

const refuse = (error: string): WebhookReply => ({ status: 400, body: { error } });

/**
 * One delivery to `/api/stripe/webhook/<dojo>`: the dojo must exist and be connected, the raw
 * body must carry a valid, fresh signature made with that dojo's endpoint secret. Nothing is
 * written for a delivery that fails these checks.
 */
export async function receiveWebhook(dojoId: string, rawBody: string, signature: string | null): Promise<WebhookReply> {
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) return TOO_LARGE;
  if (!idSchema.safeParse(dojoId).success) return refuse("Unknown dojo");
  const db = await getDb();
  const connection = await getStripeConnection(db, dojoId);
  if (!connection?.webhookSecretEnc) return refuse("Unknown dojo or Stripe is not connected");
  if (!signature) return refuse("Missing Stripe-Signature header");

  const stripe = stripeFor(decryptSecret(connection.secretKeyEnc));
  let event: Stripe.Event;
  try {
    // Default tolerance (300 s) rejects replays of old deliveries.
    event = stripe.webhooks.constructEvent(rawBody, signature, decryptSecret(connection.webhookSecretEnc));
  } catch (error) {
    return refuse(error instanceof Error ? error.message : "Invalid signature");
  }

  const now = new Date();
  await db
    .update(stripeConnections)
    .set({ lastEventAt: now })
    .where(and(eq(stripeConnections.dojoId, dojoId), or(isNull(stripeConnections.lastEventAt), lt(stripeConnections.lastEventAt, now))));

  try {
    return { status: 200, body: { received: true, result: await dispatchEvent(db, dojoId, stripe, event) } };
  } catch (error) {
    console.error(`Stripe webhook ${event.id} (${event.type}) for dojo ${dojoId} failed`, error);
    return { status: 500, body: { error: "The event could not be processed; Stripe will retry it." } };
  }
}
