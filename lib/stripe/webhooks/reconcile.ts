import "server-only";
import { and, eq, gte, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { stripeConnections, stripeEvents } from "@/db/schema";
import { stripeForDojo } from "../connection";
import { runMoneyCheckQuietly } from "../money-check/check";
import { syncWebhookEvents } from "../webhook-endpoint";
import { dispatchEvent } from "./dispatch";
import { ENABLED_EVENTS } from "./enabled-events";

export interface ReconcileSummary {
  /** Events of the handled types Stripe has for the period. */
  checked: number;
  /** Events the webhook had missed (or that had failed) and that were applied now. */
  applied: number;
  alreadyRecorded: number;
  failed: number;
  /** Event types the dojo's endpoint was not subscribed to and now is. */
  subscribed: string[];
  /** Differences the money check found after the events were applied (lib/stripe/money-check); null: it could not run. */
  moneyDifferences: number | null;
}

export const RECONCILE_DEFAULT_DAYS = 3;

/**
 * Asks Stripe for the dojo's events of the last days and applies those the webhook missed,
 * through dispatchEvent: the same handlers and the same exactly-once claim, so an event that
 * arrives by webhook while this runs is still applied once.
 */
export async function reconcileStripeEvents(db: Db, dojoId: string, days = RECONCILE_DEFAULT_DAYS): Promise<ReconcileSummary> {
  const { stripe, connection } = await stripeForDojo(db, dojoId);
  const subscribed = connection.webhookEndpointId ? await syncWebhookEvents(stripe, connection.webhookEndpointId) : [];
  const since = Math.floor(Date.now() / 1000) - days * 86_400;
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ created: { gte: since }, types: [...ENABLED_EVENTS], limit: 100 })) events.push(event);
  // Stripe lists newest first; apply in the order things happened.
  events.reverse();

  const settled = new Set(
    (
      await db
        .select({ eventId: stripeEvents.eventId })
        .from(stripeEvents)
        .where(and(eq(stripeEvents.dojoId, dojoId), gte(stripeEvents.stripeCreatedAt, new Date(since * 1000)), inArray(stripeEvents.status, ["processed", "ignored"])))
    ).map((row) => row.eventId),
  );

  const summary: ReconcileSummary = { checked: events.length, applied: 0, alreadyRecorded: 0, failed: 0, subscribed, moneyDifferences: null };
  for (const event of events) {
    if (settled.has(event.id)) {
      summary.alreadyRecorded++;
      continue;
    }
    try {
      const result = await dispatchEvent(db, dojoId, stripe, event);
      if (result === "duplicate") summary.alreadyRecorded++;
      else summary.applied++;
    } catch (error) {
      // dispatchEvent stored the failure on the event; the next run or Stripe's retry tries again.
      console.error(`Reconciliation could not apply ${event.id} for dojo ${dojoId}`, error);
      summary.failed++;
    }
  }
  // With the missed events applied, what is still different is really different.
  summary.moneyDifferences = await runMoneyCheckQuietly(db, dojoId);
  return summary;
}

/** Every connected dojo, one after the other; a dojo whose Stripe fails does not stop the rest. */
export async function reconcileAllDojos(db: Db, days = RECONCILE_DEFAULT_DAYS): Promise<Array<{ dojoId: string; summary?: ReconcileSummary; error?: string }>> {
  const connected = await db.select({ dojoId: stripeConnections.dojoId }).from(stripeConnections);
  const results = [];
  for (const { dojoId } of connected) {
    try {
      results.push({ dojoId, summary: await reconcileStripeEvents(db, dojoId, days) });
    } catch (error) {
      console.error(`Reconciliation failed for dojo ${dojoId}`, error);
      results.push({ dojoId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
