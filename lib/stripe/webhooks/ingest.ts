import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { runAfterCommit, type AfterCommitWork } from "@/lib/after-commit";
import { claimEvent, claimEventAndLockInvoice, isSettled, markEventFailed, settleEvent, type EventLog } from "./claim-event";
import { inPinnedVersion } from "./pinned-version";
import type { EventEffects, EventRouter } from "./types";

export type IngestResult = "processed" | "ignored" | "duplicate";

/** One Stripe account's inbound events: where their ids are stored and which handlers apply them. */
export interface Inbound<C extends { stripe: Stripe }> {
  log: EventLog;
  ctx: C;
  handles: (type: string) => boolean;
  route: EventRouter<C>;
}

/**
 * THE way a verified Stripe event is applied, for the dojos' endpoint, the platform endpoint and
 * reconciliation alike, exactly once:
 * 1. an event already applied is answered "duplicate" at once (no Stripe call, no lock; the dojo
 *    endpoint knows it from the statement that read its connection, so that costs nothing more);
 * 2. an event in another API version is read again in the pinned one, and the handler decides
 *    what it can trust and reads from Stripe what can be stale — all before any row is locked;
 * 3. one transaction claims the event id (one insert: stored as applied, so nothing is written
 *    again after the handler unless it ignored the event or retries a failed one; a handler that
 *    starts by locking an invoice has that lock taken by the same statement) and applies the
 *    handler's database half, so a 2xx goes out only after both are committed, and a concurrent
 *    delivery of the same event waits on the claim and then finds it done;
 * 4. work queued with afterCommit runs once committed; its failure is logged, not answered with
 *    a 500, because the event's effects are stored.
 * A failure anywhere stores the event as failed and is rethrown: the caller answers 500 and
 * Stripe redelivers (or the next reconciliation applies it).
 */
export async function ingestEvent<C extends { stripe: Stripe }>(db: Db, inbound: Inbound<C>, sent: Stripe.Event, opts: { settled?: boolean } = {}): Promise<IngestResult> {
  const { log } = inbound;
  // `settled`: the caller read it already, with what it had to read anyway (receive.ts).
  if (opts.settled ?? (await isSettled(db, log, sent.id))) return "duplicate";
  const followUps: AfterCommitWork[] = [];
  let event = sent;
  let result: IngestResult;
  try {
    const handled = inbound.handles(sent.type);
    if (handled) event = await inPinnedVersion(inbound.ctx.stripe, sent);
    const decided = handled ? await inbound.route(event, inbound.ctx) : null;
    const effects: EventEffects | null = decided && decided !== "ignored" ? decided : null;
    result = await db.transaction(async (tx) => {
      followUps.length = 0;
      const afterCommit = (work: AfterCommitWork) => followUps.push(work);
      // A handler whose first step is an invoice's lock has it taken by the claim's own statement.
      const lockFirst = effects && typeof effects !== "function" ? effects : null;
      const { claim, invoice } = lockFirst
        ? await claimEventAndLockInvoice(tx, log, event, "processed", lockFirst.locks)
        : { claim: await claimEvent(tx, log, event, effects ? "processed" : "ignored"), invoice: null };
      if (claim === "done") return "duplicate";
      if (!effects) {
        if (claim === "retry") await settleEvent(tx, log, event.id, "ignored");
        return "ignored";
      }
      const status = typeof effects === "function" ? await effects(tx, afterCommit) : await effects.apply(tx, afterCommit, invoice);
      if (status !== "processed" || claim === "retry") await settleEvent(tx, log, event.id, status);
      return status;
    });
  } catch (error) {
    await markEventFailed(db, log, event, error instanceof Error ? error.message : String(error));
    throw error;
  }
  await runAfterCommit(db, followUps, `Stripe event ${event.id} (${event.type}) of ${log.owner}`);
  return result;
}
