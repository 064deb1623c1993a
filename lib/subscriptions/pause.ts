import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db, DbOrTx } from "@/db/client";
import { memberSubscriptions, type MemberSubscription } from "@/db/schema";
import { NotFoundError, refused } from "@/lib/errors";
import { localDate, startOfLocalDay } from "@/lib/dates";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { PAUSE_ACTOR_KEY, type PauseActor } from "./pause-history";
import { stripeFailure } from "./stripe-failure";
import { syncSubscription } from "./sync-subscription";

export interface PauseInput {
  dojoId: string;
  timeZone: string;
  subscriptionId: string;
  /**
   * Set when a member pauses from the members area: the subscription must be theirs, or (for a
   * family's paying member) one of the family they pay for.
   */
  memberIds?: string[];
  /** The day collection resumes (YYYY-MM-DD, the dojo's calendar), from its first moment. null: until resumed. */
  resumeOn: string | null;
  actor: PauseActor;
  /** From the form: keys the Stripe call, so a double click pauses once and a later pause is a new request. */
  attempt: string;
}

export async function requireSubscription(db: DbOrTx, dojoId: string, subscriptionId: string, memberIds?: string[]): Promise<MemberSubscription> {
  const mine = and(eq(memberSubscriptions.id, subscriptionId), eq(memberSubscriptions.dojoId, dojoId), memberIds ? inArray(memberSubscriptions.memberId, memberIds) : undefined);
  const [row] = await db.select().from(memberSubscriptions).where(mine);
  if (!row) throw new NotFoundError("Subscription");
  return row;
}

/**
 * Pauses collection from today: Stripe's pause_collection with behavior `void`, so each renewal
 * made while paused is voided at once (no invoice to pay, nothing booked here) and the member
 * keeps the price and the billing dates. With `until`, Stripe resumes by itself when the day after
 * it begins in the dojo's time zone (resumes_at); without, it stays paused until resumed.
 * https://docs.stripe.com/billing/subscriptions/pause-payment
 */
export async function pauseSubscription(db: Db, stripe: Stripe, input: PauseInput, now = new Date()): Promise<MemberSubscription> {
  const row = await requireSubscription(db, input.dojoId, input.subscriptionId, input.memberIds);
  if (!isLiveSubscription(row.status)) throw refused("subscription.pause_not_running");
  if (row.pauseBehavior) throw refused("subscription.already_paused");
  const today = localDate(now, input.timeZone);
  if (input.resumeOn !== null && input.resumeOn <= today) {
    throw refused("subscription.pause_end_not_after_today");
  }
  const resumesAt = input.resumeOn === null ? undefined : Math.floor(startOfLocalDay(input.resumeOn, input.timeZone).getTime() / 1000);
  let sub: Stripe.Subscription;
  try {
    sub = await stripe.subscriptions.update(
      row.stripeSubscriptionId,
      { pause_collection: { behavior: "void", ...(resumesAt ? { resumes_at: resumesAt } : {}) }, metadata: { [PAUSE_ACTOR_KEY]: input.actor } },
      { idempotencyKey: `pause-${row.id}-${input.attempt}` },
    );
  } catch (error) {
    throw stripeFailure(error, "pausing the subscription");
  }
  return syncPaused(db, input.dojoId, sub);
}

/** Collects again from now on: pause_collection unset. The next renewal is charged on its usual date. */
export async function resumeSubscription(db: Db, stripe: Stripe, input: Pick<PauseInput, "dojoId" | "subscriptionId" | "memberIds" | "actor" | "attempt">): Promise<MemberSubscription> {
  const row = await requireSubscription(db, input.dojoId, input.subscriptionId, input.memberIds);
  if (!row.pauseBehavior) throw refused("subscription.not_paused");
  let sub: Stripe.Subscription;
  try {
    sub = await stripe.subscriptions.update(row.stripeSubscriptionId, { pause_collection: "", metadata: { [PAUSE_ACTOR_KEY]: input.actor } }, { idempotencyKey: `resume-${row.id}-${input.attempt}` });
  } catch (error) {
    throw stripeFailure(error, "resuming the subscription");
  }
  return syncPaused(db, input.dojoId, sub);
}

async function syncPaused(db: Db, dojoId: string, sub: Stripe.Subscription): Promise<MemberSubscription> {
  const row = await db.transaction((tx) => syncSubscription(tx, dojoId, sub));
  if (!row) throw new NotFoundError("Member");
  return row;
}
