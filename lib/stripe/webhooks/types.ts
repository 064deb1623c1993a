import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import type { AfterCommitWork } from "@/lib/after-commit";

/** Work that must wait until the event's transaction has committed (a Stripe call such as a refund; mail is queued in the transaction instead). */
export type { AfterCommitWork } from "@/lib/after-commit";

export interface WebhookContext {
  dojoId: string;
  stripe: Stripe;
  event: Stripe.Event;
  /**
   * Queues work for after the commit; dispatch.ts runs it then, and never when the transaction
   * rolls back. Optional so a handler can be called on its own (tests); then nothing is queued.
   */
  afterCommit?: (work: AfterCommitWork) => void;
}

/**
 * Applies one verified event inside the transaction that also stores its id, so the effects
 * happen exactly once. Events can be stale or out of order: re-read the object from Stripe
 * with `ctx.stripe` before acting on it. Return "ignored" when the event does not concern us.
 */
export type WebhookHandler = (tx: Tx, ctx: WebhookContext) => Promise<"processed" | "ignored">;
