import "server-only";
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { platformStripeEvents } from "@/db/schema";
import { env } from "@/lib/env";
import { platformStripe } from "@/lib/stripe/platform";
import { inPinnedVersion } from "@/lib/stripe/webhooks/pinned-version";
import { platformWebhookHandlers } from "./registry";
import type { PlatformWebhookHandler } from "./types";

export type PlatformWebhookReply = { status: 200 | 400 | 500; body: Record<string, unknown> };

/**
 * One delivery to /api/platform/webhook: signature checked with PLATFORM_STRIPE_WEBHOOK_SECRET on
 * the raw body, the event id stored once, its handler run in the same transaction; 2xx only
 * after the commit, 500 (Stripe retries) when the handler fails.
 */
export async function receivePlatformWebhook(rawBody: string, signature: string | null): Promise<PlatformWebhookReply> {
  const secret = env().PLATFORM_STRIPE_WEBHOOK_SECRET;
  if (!secret) return { status: 400, body: { error: "The platform webhook is not configured" } };
  if (!signature) return { status: 400, body: { error: "Missing Stripe-Signature header" } };
  const stripe = platformStripe();
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : "Invalid signature" } };
  }
  const handler = (platformWebhookHandlers as Record<string, PlatformWebhookHandler | undefined>)[event.type];
  const db = await getDb();
  try {
    // An event in an older API version is read again in the pinned one, before any row is locked.
    if (handler) event = await inPinnedVersion(stripe, event);
    const result = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(platformStripeEvents)
        .values({ eventId: event.id, type: event.type, status: handler ? "processed" : "ignored" })
        .onConflictDoNothing({ target: platformStripeEvents.eventId })
        .returning({ id: platformStripeEvents.id });
      if (inserted.length === 0) {
        const [row] = await tx.select({ status: platformStripeEvents.status }).from(platformStripeEvents).where(eq(platformStripeEvents.eventId, event.id)).for("update");
        if (row?.status !== "failed") return "duplicate";
      }
      if (!handler) return "ignored";
      const status = await handler(tx, { stripe, event });
      await tx.update(platformStripeEvents).set({ status, error: null, receivedAt: new Date() }).where(eq(platformStripeEvents.eventId, event.id));
      return status;
    });
    return { status: 200, body: { received: true, result } };
  } catch (error) {
    console.error(`Platform webhook ${event.id} (${event.type}) failed`, error);
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await db
      .insert(platformStripeEvents)
      .values({ eventId: event.id, type: event.type, status: "failed", error: message })
      .onConflictDoUpdate({ target: platformStripeEvents.eventId, set: { status: "failed", error: message, receivedAt: new Date() }, setWhere: sql`${platformStripeEvents.status} = 'failed'` });
    return { status: 500, body: { error: "The event could not be processed; Stripe will retry it." } };
  }
}
