import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { claimEvent, markEventFailed, settleEvent } from "./claim-event";
import { inPinnedVersion } from "./pinned-version";
import { webhookHandlers } from "./registry";
import type { AfterCommitWork } from "./types";

export type DispatchResult = "processed" | "ignored" | "duplicate";

/**
 * Applies a verified event exactly once: its id is stored and its handler runs in one
 * transaction, on the event in the SDK's pinned API version (pinned-version.ts), so a 2xx goes out only after both are committed. A handler that throws rolls
 * everything back; the event is then stored as failed and the error rethrown (the caller
 * answers 500 and Stripe redelivers). Mail is queued in the transaction (lib/mail/enqueue-mail.ts),
 * so it is as durable as the effects. Work a handler queued with ctx.afterCommit (a Stripe call
 * such as a refund) runs once the transaction has committed; its failure is logged, not answered
 * with a 500, because the event's effects are already stored.
 */
export async function dispatchEvent(db: Db, dojoId: string, stripe: Stripe, sent: Stripe.Event): Promise<DispatchResult> {
  const handler = webhookHandlers.get(sent.type);
  const followUps: AfterCommitWork[] = [];
  let event = sent;
  let result: DispatchResult;
  try {
    // Before the transaction: no row lock is held across this Stripe round trip.
    if (handler) event = await inPinnedVersion(stripe, sent);
    result = await db.transaction(async (tx) => {
      followUps.length = 0;
      const claim = await claimEvent(tx, dojoId, event, handler ? "processed" : "ignored");
      if (claim === "done") return "duplicate";
      if (!handler) {
        if (claim === "retry") await settleEvent(tx, dojoId, event.id, "ignored");
        return "ignored";
      }
      const status = await handler(tx, { dojoId, stripe, event, afterCommit: (work) => followUps.push(work) });
      if (status !== "processed" || claim === "retry") await settleEvent(tx, dojoId, event.id, status);
      return status;
    });
  } catch (error) {
    await markEventFailed(db, dojoId, event, error instanceof Error ? error.message : String(error));
    throw error;
  }
  for (const work of followUps) {
    try {
      await work(db);
    } catch (error) {
      console.error(`Follow-up of Stripe event ${event.id} (${event.type}) for dojo ${dojoId} failed`, error);
    }
  }
  return result;
}
