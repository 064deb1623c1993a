import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "@/db/client";
import { cardCheckouts, type CardCheckout } from "@/db/schema";
import { stripeForDojo } from "@/lib/stripe/connection";
import { isMissingInStripe, isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/** Expires one session; says whether it turned out paid already. */
async function expireAtStripe(stripe: Stripe, row: CardCheckout): Promise<"expired" | "complete"> {
  try {
    // Only an open session can be expired; Stripe answers 400 for a complete or expired one
    // (https://docs.stripe.com/api/checkout/sessions/expire).
    await stripe.checkout.sessions.expire(row.stripeSessionId!, {}, { idempotencyKey: `expire-checkout-${row.id}` });
    return "expired";
  } catch (error) {
    if (isMissingInStripe(error)) return "expired";
    if (!isStripeError(error) || isTransientStripeError(error)) throw error;
    // Refused: it is not open any more (paid or expired meanwhile). A paid one is settled by its
    // webhook or the browser; anything still open is worth another try.
    const session = await stripe.checkout.sessions.retrieve(row.stripeSessionId!);
    if (session.status === "open") throw error;
    return session.status === "complete" ? "complete" : "expired";
  }
}

/**
 * Ends at Stripe the Checkout Sessions Tatami marked expiring (endOpenCheckouts), then closes their
 * rows. Runs after the commit and as a job; throws while a session could not be expired, so the job
 * tries again. A row whose session is still being created is left to its opener, which finds it
 * expiring and expires its new session itself. Returns the sessions that turned out paid: their
 * payment is settled by its webhook, or at once by a caller that must know.
 */
export async function expireCheckouts(db: Db, dojoId: string, checkoutIds: string[]): Promise<{ paidSessionIds: string[] }> {
  const paidSessionIds: string[] = [];
  if (checkoutIds.length === 0) return { paidSessionIds };
  const rows = await db
    .select()
    .from(cardCheckouts)
    .where(and(eq(cardCheckouts.dojoId, dojoId), inArray(cardCheckouts.id, checkoutIds), eq(cardCheckouts.status, "expiring")));
  const now = Date.now();
  const live = rows.filter((row) => row.stripeSessionId && !(row.expiresAt && row.expiresAt.getTime() <= now));
  // Past its expires_at Stripe has ended it already.
  const lapsed = rows.filter((row) => row.stripeSessionId && row.expiresAt && row.expiresAt.getTime() <= now);
  const close = (ids: string[]) => (ids.length ? db.update(cardCheckouts).set({ status: "closed" }).where(and(inArray(cardCheckouts.id, ids), eq(cardCheckouts.status, "expiring"))) : null);
  await close(lapsed.map((row) => row.id));
  if (live.length === 0) return { paidSessionIds };

  const { stripe } = await stripeForDojo(db, dojoId);
  let failure: unknown = null;
  for (const row of live) {
    try {
      if ((await expireAtStripe(stripe, row)) === "complete") paidSessionIds.push(row.stripeSessionId!);
      await close([row.id]);
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return { paidSessionIds };
}
