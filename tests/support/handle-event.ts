import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { routeDojoEvent } from "@/lib/stripe/webhooks/registry";

/**
 * An event's handler run as ingestion runs it (its Stripe half, then its database half in a
 * transaction) but without claiming the event id: what racing paths that each hold their own copy
 * of the event would do. Work for after the commit is dropped, as a caller without one would.
 */
export async function handleUnclaimed({ dojoId, stripe, event }: { dojoId: string; stripe: Stripe; event: Stripe.Event }): Promise<"processed" | "ignored"> {
  const db = await getDb();
  const apply = await routeDojoEvent(event, { db, dojoId, stripe });
  if (!apply || apply === "ignored") return "ignored";
  return db.transaction((tx) => apply(tx, () => {}));
}
