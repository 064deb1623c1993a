import { and, eq, sql, type SQL } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx, Tx } from "@/db/client";
import { platformStripeEvents, stripeEvents } from "@/db/schema";

export type EventStatus = "processed" | "ignored";

/**
 * Where one endpoint's events are stored: a dojo's in stripe_events (unique per dojo), the
 * platform account's in platform_stripe_events. The claim below is written once for both.
 */
export interface EventLog {
  table: typeof stripeEvents | typeof platformStripeEvents;
  /** The row of this event id in this log. */
  row: (eventId: string) => SQL | undefined;
  /** What a new row carries besides id, type and status. */
  columns: (event: Stripe.Event) => { dojoId: string; stripeCreatedAt: Date } | Record<string, never>;
  /** The unique key a concurrent delivery of the same event collides on. */
  key: [typeof stripeEvents.dojoId, typeof stripeEvents.eventId] | typeof platformStripeEvents.eventId;
  /** For log lines: whose event it is. */
  owner: string;
}

export function dojoEventLog(dojoId: string): EventLog {
  return {
    table: stripeEvents,
    row: (eventId) => and(eq(stripeEvents.dojoId, dojoId), eq(stripeEvents.eventId, eventId)),
    columns: (event) => ({ dojoId, stripeCreatedAt: new Date(event.created * 1000) }),
    key: [stripeEvents.dojoId, stripeEvents.eventId],
    owner: `dojo ${dojoId}`,
  };
}

export const platformEventLog: EventLog = {
  table: platformStripeEvents,
  row: (eventId) => eq(platformStripeEvents.eventId, eventId),
  columns: () => ({}),
  key: platformStripeEvents.eventId,
  owner: "the platform account",
};

/** An event applied or ignored before: a redelivery has nothing to do (read without a lock, before any Stripe call). */
export async function isSettled(db: DbOrTx, log: EventLog, eventId: string): Promise<boolean> {
  const [row] = await db.select({ status: log.table.status }).from(log.table).where(log.row(eventId));
  return settledStatus(row?.status);
}

/** The stored status (none: never seen) of an event that needs nothing more. */
export const settledStatus = (status: string | null | undefined) => !!status && status !== "failed";

/**
 * Stores the event id, or finds it stored. The unique key is the lock: a concurrent delivery of
 * the same event waits on it until the first transaction ends, then sees what it left. "new" and
 * "retry" (a failed earlier attempt) mean: apply the event now.
 */
export async function claimEvent(tx: Tx, log: EventLog, event: Stripe.Event, status: EventStatus): Promise<"new" | "retry" | "done"> {
  const inserted = await tx
    .insert(log.table)
    .values({ eventId: event.id, type: event.type, status, ...log.columns(event) })
    .onConflictDoNothing({ target: log.key })
    .returning({ id: log.table.id });
  if (inserted.length > 0) return "new";
  const [row] = await tx.select({ status: log.table.status }).from(log.table).where(log.row(event.id)).for("update");
  return row?.status === "failed" ? "retry" : "done";
}

export async function settleEvent(tx: Tx, log: EventLog, eventId: string, status: EventStatus): Promise<void> {
  await tx.update(log.table).set({ status, error: null, receivedAt: new Date() }).where(log.row(eventId));
}

/**
 * Records a failed attempt after its transaction rolled back. Never downgrades an event that a
 * concurrent delivery has meanwhile processed, or a redelivery would apply it twice.
 */
export async function markEventFailed(db: DbOrTx, log: EventLog, event: Stripe.Event, error: string): Promise<void> {
  const values = { status: "failed" as const, error: error.slice(0, 1000), receivedAt: new Date() };
  await db
    .insert(log.table)
    .values({ eventId: event.id, type: event.type, ...log.columns(event), ...values })
    .onConflictDoUpdate({ target: log.key, set: values, setWhere: sql`${log.table.status} = 'failed'` });
}
