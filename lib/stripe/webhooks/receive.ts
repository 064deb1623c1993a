import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb, type Db } from "@/db/client";
import { stripeConnections } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { idSchema } from "@/lib/validation/common";
import { stripeFor } from "../client";
import { getStripeConnection } from "../connection";
import { dojoInbound } from "./dispatch";
import { ingestEvent, type Inbound, type IngestResult } from "./ingest";

export type WebhookReply = { status: 200; body: { received: true; result: IngestResult } } | { status: 400 | 413 | 500; body: { error: string } };

// Stripe's events are a few kilobytes; anything this big is not from Stripe and is refused
// before it is parsed or its signature computed.
export const MAX_WEBHOOK_BYTES = 256 * 1024;
export const TOO_LARGE: WebhookReply = { status: 413, body: { error: "Payload too large" } };

export const refuse = (error: string): WebhookReply => ({ status: 400, body: { error } });

/**
 * One delivery to an endpoint, for the dojos' and the platform's alike: the signature over the
 * raw body checked with the endpoint's secret (the default tolerance, 300 s, rejects replays),
 * then the event ingested once (ingest.ts). Nothing is written for a delivery that fails the
 * check; 2xx only after the commit, 500 (Stripe retries) when applying it failed.
 */
export async function receiveEvent<C extends { stripe: Stripe }>(db: Db, inbound: Inbound<C>, rawBody: string, signature: string | null, secret: string, verified?: () => Promise<void>): Promise<WebhookReply> {
  if (!signature) return refuse("Missing Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = inbound.ctx.stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : "Invalid signature");
  }
  await verified?.();
  try {
    return { status: 200, body: { received: true, result: await ingestEvent(db, inbound, event) } };
  } catch (error) {
    console.error(`Stripe webhook ${event.id} (${event.type}) of ${inbound.log.owner} failed`, error);
    return { status: 500, body: { error: "The event could not be processed; Stripe will retry it." } };
  }
}

/**
 * One delivery to `/api/stripe/webhook/<dojo>`: the dojo must exist and be connected, the raw
 * body must carry a valid, fresh signature made with that dojo's endpoint secret.
 */
export async function receiveWebhook(dojoId: string, rawBody: string, signature: string | null): Promise<WebhookReply> {
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) return TOO_LARGE;
  if (!idSchema.safeParse(dojoId).success) return refuse("Unknown dojo");
  const db = await getDb();
  const connection = await getStripeConnection(db, dojoId);
  if (!connection?.webhookSecretEnc) return refuse("Unknown dojo or Stripe is not connected");

  const stripe = stripeFor(decryptSecret(connection.secretKeyEnc));
  // "Last event received" (Settings → Stripe), kept to the minute: one write a minute instead of
  // one per delivery, which a busy dojo's concurrent deliveries would all queue on (one row).
  const seen = async () => {
    const now = new Date();
    await db
      .update(stripeConnections)
      .set({ lastEventAt: now })
      .where(and(eq(stripeConnections.dojoId, dojoId), or(isNull(stripeConnections.lastEventAt), lt(stripeConnections.lastEventAt, new Date(now.getTime() - 60_000)))));
  };
  return receiveEvent(db, dojoInbound(db, dojoId, stripe), rawBody, signature, decryptSecret(connection.webhookSecretEnc), seen);
}
