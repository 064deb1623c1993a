import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { platformStripe } from "@/lib/stripe/platform";
import { platformEventLog } from "@/lib/stripe/webhooks/claim-event";
import { receiveEvent, refuse } from "@/lib/stripe/webhooks/receive";
import { handlesPlatformEvent, routePlatformEvent } from "./registry";

export type PlatformWebhookReply = { status: 200 | 400 | 413 | 500; body: Record<string, unknown> };

/**
 * One delivery to /api/platform/webhook: signature checked with PLATFORM_STRIPE_WEBHOOK_SECRET,
 * then the same ingestion as the dojos' events (lib/stripe/webhooks/ingest.ts), its ids kept in
 * platform_stripe_events.
 */
export async function receivePlatformWebhook(rawBody: string, signature: string | null): Promise<PlatformWebhookReply> {
  const secret = env().PLATFORM_STRIPE_WEBHOOK_SECRET;
  if (!secret) return refuse("The platform webhook is not configured");
  const db = await getDb();
  const inbound = { log: platformEventLog, ctx: { db, stripe: platformStripe() }, handles: handlesPlatformEvent, route: routePlatformEvent };
  return receiveEvent(db, inbound, rawBody, signature, secret);
}
