import type Stripe from "stripe";
import type { Db, Tx } from "@/db/client";
import type { AfterCommit } from "@/lib/after-commit";
import type { Invoice } from "@/db/schema";
import type { EventStatus, InvoiceToLock } from "./claim-event";

/** The event of one type, its data.object typed by it (`EventOf<"charge.refunded">` is Stripe.ChargeRefundedEvent). */
export type EventOf<T extends Stripe.Event["type"]> = Extract<Stripe.Event, { type: T }>;

/**
 * The database half of a handler: runs in the transaction that claims the event id, so its
 * effects and the claim commit together. Never a Stripe call here: the claim's row (and any row
 * the domain locks) would be held across the round trip. Work for after the commit (a Stripe
 * call such as a refund) goes to `afterCommit`; mail is queued in the transaction.
 */
export type ApplyEvent = (tx: Tx, afterCommit: AfterCommit) => Promise<EventStatus>;

/**
 * A database half whose first step is to lock one invoice (a payment's): the ingestion claims the
 * event and locks that invoice in one statement (claimEventAndLockInvoice), one round trip fewer,
 * and hands `apply` the row read under the lock — null when the dojo has no such invoice.
 */
export interface ClaimedApply {
  locks: InvoiceToLock;
  apply: (tx: Tx, afterCommit: AfterCommit, invoice: Invoice | null) => Promise<EventStatus>;
}

/** What a handler decided to do in the event's transaction. */
export type EventEffects = ApplyEvent | ClaimedApply;

export interface DojoContext {
  /** For reads before the transaction (what exists already); writes belong in ApplyEvent. */
  db: Db;
  dojoId: string;
  /** The dojo's own Stripe account. */
  stripe: Stripe;
}

export interface PlatformContext {
  db: Db;
  /** Tatami's own Stripe account (the dojos' plan billing). */
  stripe: Stripe;
}

/**
 * One event type's handler. It runs before any row is locked: it trusts the signed event where
 * Stripe's documentation allows (a terminal state does not change), reads from Stripe what can
 * be stale, and returns the database half — or "ignored" when the event does not concern Tatami.
 * Events arrive here in the SDK's pinned API version (pinned-version.ts).
 */
export type EventHandler<E extends Stripe.Event, C = DojoContext> = (event: E, ctx: C) => Promise<EventEffects | "ignored">;

/** Which handler an event goes to; null when its type has none (stored as ignored). */
export type EventRouter<C> = (event: Stripe.Event, ctx: C) => Promise<EventEffects | "ignored"> | null;
