import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { lockInvoiceQuery } from "@/lib/invoices/lock-invoice";
import { routeDojoEvent } from "@/lib/stripe/webhooks/registry";

/**
 * An event's handler run as ingestion runs it (its Stripe half, then its database half in a
 * transaction) but without claiming the event id: what racing paths that each hold their own copy
 * of the event would do. A half that locks an invoice first gets it locked here, as the claim would.
 * Work for after the commit is dropped, as a caller without one would.
 */
export async function handleUnclaimed({ dojoId, stripe, event }: { dojoId: string; stripe: Stripe; event: Stripe.Event }): Promise<"processed" | "ignored"> {
  const db = await getDb();
  const effects = await routeDojoEvent(event, { db, dojoId, stripe });
  if (!effects || effects === "ignored") return "ignored";
  return db.transaction(async (tx) => {
    if (typeof effects === "function") return effects(tx, () => {});
    const [invoice] = await lockInvoiceQuery(tx, effects.locks.dojoId, effects.locks.invoiceId);
    return effects.apply(tx, () => {}, invoice ?? null);
  });
}
