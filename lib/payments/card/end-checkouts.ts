import { and, eq, gt, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx, Tx } from "@/db/client";
import { cardCheckouts, type CardCheckout } from "@/db/schema";
import type { AfterCommit } from "@/lib/after-commit";
import { EXPIRE_CHECKOUTS_JOB } from "@/lib/jobs/kinds";
import { enqueueJob } from "@/lib/jobs/queue";
import { idSchema } from "@/lib/validation/common";
import { expireCheckouts } from "./expire-checkouts";
import { invoiceIdFor } from "./metadata";

/**
 * The invoice changed (voided, paid in part or in full): its open Checkout Sessions must not be
 * paid any more. In the caller's transaction they are marked expiring and a job is queued that
 * expires them at Stripe, retried until Stripe agrees; `afterCommit` does it at once when the
 * caller can. No Stripe call happens here, inside the transaction that holds the invoice.
 * `closing` is the session that took the payment which changed it: closed (closeCheckout) in the
 * same statement, as there is nothing to expire for it.
 */
export async function endOpenCheckouts(tx: Tx, dojoId: string, invoiceId: string, opts: { except?: string; afterCommit?: AfterCommit; closing?: string } = {}): Promise<string[]> {
  const ended = await openCheckoutsEnd(tx, dojoId, invoiceId, opts);
  const ids = ended.filter((row) => row.status === "expiring").map((row) => row.id);
  await queueCheckoutExpiry(tx, dojoId, ids, opts.afterCommit);
  return ids;
}

/**
 * endOpenCheckouts' update, not yet sent (returning each ended session's id and new status):
 * storePayment sends it as a WITH clause of the payment's statement, then queues the expiry of
 * the sessions it marked expiring with queueCheckoutExpiry. With `onlyIf`, it ends nothing when that
 * condition is false.
 */
export function openCheckoutsEnd(tx: Tx, dojoId: string, invoiceId: string, opts: { except?: string; closing?: string; onlyIf?: SQL } = {}) {
  const closing = opts.closing && idSchema.safeParse(opts.closing).success ? opts.closing : null;
  const open = and(eq(cardCheckouts.invoiceId, invoiceId), inArray(cardCheckouts.status, ["opening", "open"]), opts.except ? ne(cardCheckouts.id, opts.except) : undefined);
  return tx
    .update(cardCheckouts)
    .set({ status: closing ? sql<CardCheckout["status"]>`case when ${cardCheckouts.id} = ${closing} then 'closed' else 'expiring' end::card_checkout_status` : "expiring" })
    .where(and(eq(cardCheckouts.dojoId, dojoId), closing ? or(open, eq(cardCheckouts.id, closing)) : open, opts.onlyIf))
    .returning({ id: cardCheckouts.id, status: cardCheckouts.status });
}

/** For rows already marked expiring: the job that expires their sessions at Stripe, and sooner when possible. */
export async function queueCheckoutExpiry(tx: Tx, dojoId: string, checkoutIds: string[], afterCommit?: AfterCommit): Promise<void> {
  if (checkoutIds.length === 0) return;
  await enqueueJob(tx, { kind: EXPIRE_CHECKOUTS_JOB, dojoId, payload: { dojoId, checkoutIds }, maxAttempts: 12 });
  afterCommit?.((db) => expireCheckouts(db, dojoId, checkoutIds));
}

/** The invoice's sessions that can be paid now (or are being opened), as card_checkouts knows them. */
export async function liveCheckoutsOf(db: DbOrTx, dojoId: string, invoiceId: string, now = new Date()): Promise<CardCheckout[]> {
  return db
    .select()
    .from(cardCheckouts)
    .where(
      and(
        eq(cardCheckouts.dojoId, dojoId),
        eq(cardCheckouts.invoiceId, invoiceId),
        inArray(cardCheckouts.status, ["opening", "open"]),
        or(isNull(cardCheckouts.expiresAt), gt(cardCheckouts.expiresAt, now)),
      ),
    );
}

/** The session that took a payment is done: nothing to expire at Stripe. */
export async function closeCheckout(tx: Tx, dojoId: string, checkoutId: string | undefined): Promise<void> {
  // Read from Stripe metadata: only a well-formed id of ours is looked up.
  if (!checkoutId || !idSchema.safeParse(checkoutId).success) return;
  await tx
    .update(cardCheckouts)
    .set({ status: "closed" })
    .where(and(eq(cardCheckouts.id, checkoutId), eq(cardCheckouts.dojoId, dojoId)));
}

/**
 * Stripe expired a Checkout Session we opened for an invoice (checkout.session.expired): its row
 * is closed and stamped expired, since it can no longer be paid. True when this call marked it;
 * false for a session that is not one of this dojo's invoice checkouts or was marked before.
 */
export async function markCheckoutExpired(tx: Tx, dojoId: string, session: Stripe.Checkout.Session): Promise<boolean> {
  const invoiceId = invoiceIdFor(session.metadata, dojoId);
  const checkoutId = session.metadata?.tatami_checkout_id;
  if (!invoiceId || !idSchema.safeParse(invoiceId).success || !idSchema.safeParse(checkoutId).success) return false;
  const marked = await tx
    .update(cardCheckouts)
    .set({ status: "closed", expiredAt: new Date() })
    .where(and(eq(cardCheckouts.id, checkoutId!), eq(cardCheckouts.dojoId, dojoId), eq(cardCheckouts.invoiceId, invoiceId), isNull(cardCheckouts.expiredAt)))
    .returning({ id: cardCheckouts.id });
  return marked.length > 0;
}
