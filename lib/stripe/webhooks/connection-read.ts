import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stripeConnections, stripeEvents } from "@/db/schema";

// The statement every delivery to a dojo's endpoint starts with (receive.ts): the dojo's Stripe
// connection and the stored status of the event id the body claims. drizzle rebuilds a query's SQL
// text each time it is sent; this one's shape never changes, so it is built once per database
// handle — it runs outside any transaction, so a prepared query on the pool serves every delivery.
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

const prepare = (db: Db) =>
  db
    .select({ connection: stripeConnections, eventStatus: stripeEvents.status })
    .from(stripeConnections)
    .leftJoin(stripeEvents, and(eq(stripeEvents.dojoId, stripeConnections.dojoId), eq(stripeEvents.eventId, sql.placeholder("eventId"))))
    .where(eq(stripeConnections.dojoId, sql.placeholder("dojoId")))
    .prepare("webhook_connection");

/** The read, prepared: `.execute({ dojoId, eventId })` (eventId "" when the body names none). */
export function connectionRead(db: Db) {
  let read = prepared.get(db);
  if (!read) prepared.set(db, (read = prepare(db)));
  return read;
}
