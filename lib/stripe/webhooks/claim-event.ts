import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx, Tx } from "@/db/client";
import { stripeEvents } from "@/db/schema";

const thisEvent = (dojoId: string, eventId: string) => and(eq(stripeEvents.dojoId, dojoId), eq(stripeEvents.eventId, eventId));

/**
 * Stores the event id for this dojo, or finds it stored. The unique key is the lock: a
 * concurrent delivery of the same event waits on it until the first transaction ends, then
 * sees what it left. "new" and "retry" (a failed earlier attempt) mean: run the handler now.
 */
export async function claimEvent(tx: Tx, dojoId: string, event: Stripe.Event, status: "processed" | "ignored"): Promise<"new" | "retry" | "done"> {
  const inserted = await tx
    .insert(stripeEvents)
    .values({ dojoId, eventId: event.id, type: event.type, status, stripeCreatedAt: new Date(event.created * 1000) })
    .onConflictDoNothing({ target: [stripeEvents.dojoId, stripeEvents.eventId] })
    .returning({ id: stripeEvents.id });
  if (inserted.length > 0) return "new";
  const [row] = await tx.select({ status: stripeEvents.status }).from(stripeEvents).where(thisEvent(dojoId, event.id)).for("update");
  return row?.status === "failed" ? "retry" : "done";
}

export async function settleEvent(tx: Tx, dojoId: string, eventId: string, status: "processed" | "ignored"): Promise<void> {
  await tx.update(stripeEvents).set({ status, error: null, receivedAt: new Date() }).where(thisEvent(dojoId, eventId));
}

/**
 * Records a failed attempt after its transaction rolled back. Never downgrades an event that a
 * concurrent delivery has meanwhile processed, or a redelivery would apply it twice.
 */
export async function markEventFailed(db: DbOrTx, dojoId: string, event: Stripe.Event, error: string): Promise<void> {
  const values = { status: "failed" as const, error: error.slice(0, 1000), receivedAt: new Date() };
  await db
    .insert(stripeEvents)
    .values({ dojoId, eventId: event.id, type: event.type, stripeCreatedAt: new Date(event.created * 1000), ...values })
    .onConflictDoUpdate({ target: [stripeEvents.dojoId, stripeEvents.eventId], set: values, setWhere: sql`${stripeEvents.status} = 'failed'` });
}
