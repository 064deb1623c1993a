import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb, type Db } from "@/db/client";
import { stripeConnections } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { idSchema } from "@/lib/validation/common";
import { stripeForSealedKey } from "../client";
import { settledStatus } from "./claim-event";
import { connectionRead } from "./connection-read";
import { dojoInbound } from "./dispatch";
import { ingestEvent, type Inbound, type IngestResult } from "./ingest";

export type WebhookReply = { status: 200; body: { received: true; result: IngestResult } } | { status: 400 | 413 | 500; body: { error: string } };

// Stripe's events are a few kilobytes; anything this big is not from Stripe and is refused
// before it is parsed or its signature computed.
export const MAX_WEBHOOK_BYTES = 256 * 1024;
export const TOO_LARGE: WebhookReply = { status: 413, body: { error: "Payload too large" } };

export const refuse = (error: string): WebhookReply => ({ status: 400, body: { error } });

export interface ReceiveOptions {
  /** Runs once the signature has been checked (the dojo endpoint's "last event received"). */
  verified?: () => Promise<void>;
  /** Whether this event id was applied before, when the caller read it with the endpoint's secret; else ingestEvent reads it. */
  known?: { eventId: string; settled: boolean };
}

/**
 * One delivery to an endpoint, for the dojos' and the platform's alike: the signature over the
 * raw body checked with the endpoint's secret (the default tolerance, 300 s, rejects replays),
 * then the event ingested once (ingest.ts). Nothing is written for a delivery that fails the
 * check; 2xx only after the commit, 500 (Stripe retries) when applying it failed.
 */
export async function receiveEvent<C extends { stripe: Stripe }>(db: Db, inbound: Inbound<C>, rawBody: string, signature: string | null, secret: string, opts: ReceiveOptions = {}): Promise<WebhookReply> {
  if (!signature) return refuse("Missing Stripe-Signature header");
  let event: Stripe.Event;
  try {
    event = inbound.ctx.stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : "Invalid signature");
  }
  await opts.verified?.();
  try {
    const settled = opts.known?.eventId === event.id ? opts.known.settled : undefined;
    return { status: 200, body: { received: true, result: await ingestEvent(db, inbound, event, { settled }) } };
  } catch (error) {
    console.error(`Stripe webhook ${event.id} (${event.type}) of ${inbound.log.owner} failed`, error);
    return { status: 500, body: { error: "The event could not be processed; Stripe will retry it." } };
  }
}

/** The event id a body claims, read before its signature is checked: only to look it up, never trusted. */
function claimedEventId(rawBody: string): string | null {
  try {
    const id = (JSON.parse(rawBody) as { id?: unknown } | null)?.id;
    return typeof id === "string" ? id : null;
  } catch {
    return null;
  }
}

// "Last event received" (Settings → Stripe) is kept to the minute: one write a minute instead of one
// per delivery, which a busy dojo's concurrent deliveries would all queue on (one row).
const SEEN_EVERY_MS = 60_000;

/**
 * One delivery to `/api/stripe/webhook/<dojo>`: the dojo must exist and be connected, the raw
 * body must carry a valid, fresh signature made with that dojo's endpoint secret. One statement
 * reads the connection and whether the event id the body claims was applied before; that answer
 * counts only once the signature proves the body (a redelivery then costs no other round trip).
 */
export async function receiveWebhook(dojoId: string, rawBody: string, signature: string | null): Promise<WebhookReply> {
  if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) return TOO_LARGE;
  if (!idSchema.safeParse(dojoId).success) return refuse("Unknown dojo");
  const db = await getDb();
  const eventId = claimedEventId(rawBody);
  const [row] = await connectionRead(db).execute({ dojoId, eventId: eventId ?? "" });
  const connection = row?.connection;
  if (!connection?.webhookSecretEnc) return refuse("Unknown dojo or Stripe is not connected");

  const stripe = stripeForSealedKey(connection.secretKeyEnc);
  const seen = async () => {
    const now = new Date();
    const stale = new Date(now.getTime() - SEEN_EVERY_MS);
    // Written only when the minute is up as read; the condition settles concurrent deliveries.
    if (connection.lastEventAt && connection.lastEventAt >= stale) return;
    await db
      .update(stripeConnections)
      .set({ lastEventAt: now })
      .where(and(eq(stripeConnections.dojoId, dojoId), or(isNull(stripeConnections.lastEventAt), lt(stripeConnections.lastEventAt, stale))));
  };
  const known = eventId ? { eventId, settled: settledStatus(row.eventStatus) } : undefined;
  return receiveEvent(db, dojoInbound(db, dojoId, stripe), rawBody, signature, decryptSecret(connection.webhookSecretEnc), { verified: seen, known });
}
