import { and, desc, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { subscriptionPauseEvents, type MemberSubscription, type SubscriptionPauseEvent } from "@/db/schema";

/** Who paused or resumed: staff, the member in the members area, or Stripe (resumes_at reached, or the dashboard). */
export type PauseActor = "staff" | "member" | "stripe";

/**
 * Subscription metadata naming who paused or resumed it last, written in the same Stripe update:
 * whichever sync sees the change first (the action's own, or the webhook's) records the right actor.
 */
export const PAUSE_ACTOR_KEY = "tatami_pause_by";

type PauseState = Pick<MemberSubscription, "pauseBehavior" | "pauseResumesAt">;

/**
 * Records a pause or a resume when a sync moves a subscription from one to the other, dated `at`:
 * for a webhook, when Stripe made the change (a resume at resumes_at on a test clock is on the
 * clock's time), not when the event arrived.
 */
export async function recordPauseTransition(db: DbOrTx, row: MemberSubscription, before: PauseState | null, metadata: Stripe.Metadata, at: Date): Promise<void> {
  const wasPaused = !!before?.pauseBehavior;
  const isPaused = !!row.pauseBehavior;
  if (wasPaused === isPaused) return;
  const named = metadata[PAUSE_ACTOR_KEY];
  const by: PauseActor = named === "staff" || named === "member" ? named : "stripe";
  const base = { dojoId: row.dojoId, subscriptionId: row.id };
  if (isPaused) {
    await db.insert(subscriptionPauseEvents).values({ ...base, kind: "paused", actor: by, occurredAt: at, resumesAt: row.pauseResumesAt });
    return;
  }
  // Reaching resumes_at, Stripe resumed by itself (the metadata still names who paused).
  const automatic = before?.pauseResumesAt != null && before.pauseResumesAt <= at;
  await db.insert(subscriptionPauseEvents).values({ ...base, kind: "resumed", actor: automatic ? "stripe" : by, occurredAt: at });
}

/** The pause history of a member's subscriptions, newest first. */
export async function pauseHistory(db: DbOrTx, dojoId: string, subscriptionIds: string[]): Promise<SubscriptionPauseEvent[]> {
  if (subscriptionIds.length === 0) return [];
  return db
    .select()
    .from(subscriptionPauseEvents)
    .where(and(eq(subscriptionPauseEvents.dojoId, dojoId), inArray(subscriptionPauseEvents.subscriptionId, subscriptionIds)))
    .orderBy(desc(subscriptionPauseEvents.occurredAt));
}
