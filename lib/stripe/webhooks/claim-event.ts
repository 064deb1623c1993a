import { randomUUID } from "node:crypto";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx, Tx } from "@/db/client";
import { invoices, platformStripeEvents, stripeEvents, type Invoice } from "@/db/schema";
import { invoiceRow } from "@/lib/invoices/lock-invoice";
import { idSchema } from "@/lib/validation/common";

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
export async function claimEvent(tx: Tx, log: EventLog, event: Stripe.Event, status: EventStatus): Promise<Claim> {
  const inserted = await claimInsert(tx, log, event, status).returning({ id: log.table.id });
  return inserted.length > 0 ? "new" : claimFound(tx, log, event.id);
}

export type Claim = "new" | "retry" | "done";

/** An invoice the event's database half locks first (ClaimedApply): locked by the claim's own statement. */
export interface InvoiceToLock {
  dojoId: string;
  invoiceId: string;
}

/**
 * claimEvent and lockInvoice in one statement, one round trip fewer for a payment: the claim's
 * insert (a WITH clause) runs first — the lock's condition reads it, so the insert is done before
 * any invoice row is read or locked, the order claimEvent then lockInvoice had — then the invoice's
 * row is locked and read. Exactly once as before: both are in the event's transaction, so a
 * rollback takes the claim with it, and a concurrent delivery of the same event waits on the
 * claim's unique key. `invoice` is null when the dojo has no such invoice (lockInvoice's
 * NotFoundError); only then does the claim take a second statement.
 */
export async function claimEventAndLockInvoice(tx: Tx, log: EventLog, event: Stripe.Event, status: EventStatus, lock: InvoiceToLock): Promise<{ claim: Claim; invoice: Invoice | null }> {
  // Not an id (a crafted metadata value): no invoice has it, and PostgreSQL would refuse the statement.
  if (!idSchema.safeParse(lock.invoiceId).success) return { claim: await claimEvent(tx, log, event, status), invoice: null };
  // The claim's id is chosen here, so that a claim found without an invoice can be told apart from an earlier one.
  const claimId = randomUUID();
  const claim = tx.$with("claim").as(claimInsert(tx, log, event, status, claimId).returning({ id: log.table.id }));
  const claimed = sql`(select count(*) from ${claim})`;
  const [row] = await tx
    .with(claim)
    .select({ claimed: claimed.mapWith(Number), invoice: invoices })
    .from(invoices)
    .where(and(invoiceRow(lock.dojoId, lock.invoiceId), sql`${claimed} >= 0`))
    .for("update", { of: invoices });
  if (row) return { claim: row.claimed > 0 ? "new" : await claimFound(tx, log, event.id), invoice: row.invoice };
  return { claim: await claimFound(tx, log, event.id, claimId), invoice: null };
}

function claimInsert(tx: Tx, log: EventLog, event: Stripe.Event, status: EventStatus, id?: string) {
  return tx
    .insert(log.table)
    .values({ id, eventId: event.id, type: event.type, status, ...log.columns(event) })
    .onConflictDoNothing({ target: log.key });
}

/** The event id's row, stored already by a failed attempt (apply it now) or not — or, when its id is `ours`, by this transaction's claim. */
async function claimFound(tx: Tx, log: EventLog, eventId: string, ours?: string): Promise<Claim> {
  const [row] = await tx.select({ id: log.table.id, status: log.table.status }).from(log.table).where(log.row(eventId)).for("update");
  if (ours && row?.id === ours) return "new";
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
