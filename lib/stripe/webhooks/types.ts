import type Stripe from "stripe";
import type { Tx } from "@/db/client";

/**
 * Applies one verified event inside the transaction that also stores its id, so the effects
 * happen exactly once. Events can be stale or out of order: re-read the object from Stripe
 * with `ctx.stripe` before acting on it. Return "ignored" when the event does not concern us.
 */
export type WebhookHandler = (tx: Tx, ctx: { dojoId: string; stripe: Stripe; event: Stripe.Event }) => Promise<"processed" | "ignored">;
