import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { claimEvent, markEventFailed, settleEvent } from "./claim-event";
import { webhookHandlers } from "./registry";

export type DispatchResult = "processed" | "ignored" | "duplicate";

/**
 * Applies a verified event exactly once: its id is stored and its handler runs in one
 * transaction, so a 2xx goes out only after both are committed. A handler that throws rolls
 * everything back; the event is then stored as failed and the error rethrown (the caller
 * answers 500 and Stripe redelivers).
 */
export async function dispatchEvent(db: Db, dojoId: string, stripe: Stripe, event: Stripe.Event): Promise<DispatchResult> {
  const handler = webhookHandlers.get(event.type);
  try {
    return await db.transaction(async (tx) => {
      const claim = await claimEvent(tx, dojoId, event, handler ? "processed" : "ignored");
      if (claim === "done") return "duplicate";
      if (!handler) {
        if (claim === "retry") await settleEvent(tx, dojoId, event.id, "ignored");
        return "ignored";
      }
      const status = await handler(tx, { dojoId, stripe, event });
      if (status !== "processed" || claim === "retry") await settleEvent(tx, dojoId, event.id, status);
      return status;
    });
  } catch (error) {
    await markEventFailed(db, dojoId, event, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
