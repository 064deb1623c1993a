import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cardCheckouts, type CardCheckout, type StripeConnection } from "@/db/schema";
import { refused } from "@/lib/errors";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { queueCheckoutExpiry } from "./end-checkouts";
import { payableInvoice, type PayableInvoice } from "./payable-invoice";

/**
 * How long an invoice's Checkout Session can be paid. Stripe allows 30 minutes to 24 hours
 * (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at), 24 hours
 * by default. One hour is ample to find a card and pass 3-D Secure, at the desk or at home, and
 * keeps a forgotten tab from taking money long after the invoice changed; opening Checkout again
 * reuses the session while it has time left, or opens a fresh one.
 */
export const CHECKOUT_LIFETIME_MS = 60 * 60_000;
/** A session with less time than this left is replaced rather than handed out again. */
export const REUSE_MIN_LEFT_MS = 10 * 60_000;
/** How long another window's Stripe call to open a session is waited for before it counts as lost. */
export const OPENING_GRACE_MS = 45_000;

export type CheckoutClaim =
  /** This session is open, for the amount still open and the same kind of opener: hand it out again. */
  | { kind: "reuse"; row: CardCheckout }
  /** Another window is opening a session right now. */
  | { kind: "wait" }
  /** These sessions must be expired at Stripe before a new one may open. */
  | { kind: "expire-first"; checkoutIds: string[] }
  /** The invoice's one slot is ours: open a session for it. */
  | { kind: "new"; row: CardCheckout; payable: PayableInvoice };

/**
 * Decides, under the invoice's lock, how Checkout opens for it, so that at most one session per
 * invoice can be paid (card_checkouts is the source of which are open; a partial unique index
 * holds it). Stripe is never called here.
 */
export async function claimCheckout(tx: Tx, input: { dojoId: string; invoiceId: string; staffId?: string; memberId?: string }, connection: Pick<StripeConnection, "currency">, now = Date.now()): Promise<CheckoutClaim> {
  await lockInvoice(tx, input.dojoId, input.invoiceId);
  const payable = await payableInvoice(tx, { dojoId: input.dojoId, memberId: input.memberId }, input.invoiceId, connection);
  const rows = await tx
    .select()
    .from(cardCheckouts)
    .where(and(eq(cardCheckouts.dojoId, input.dojoId), eq(cardCheckouts.invoiceId, payable.invoice.id), inArray(cardCheckouts.status, ["opening", "open", "expiring", "processing"])));
  // A SEPA debit is on its way (delayed-checkout.ts): a second payment now could take the money twice.
  if (rows.some((row) => row.status === "processing")) throw refused("card_payment.processing");

  const lapsed: string[] = [];
  const replace: string[] = [];
  const toExpire: string[] = [];
  for (const row of rows) {
    const age = now - row.createdAt.getTime();
    if (row.stripeSessionId && row.expiresAt && row.expiresAt.getTime() <= now) {
      // Past expires_at: Stripe has ended it.
      lapsed.push(row.id);
    } else if (row.status === "opening") {
      if (age < OPENING_GRACE_MS) return { kind: "wait" };
      // Its opener is gone or stuck; should it still finish, it finds the row expiring and expires its session.
      replace.push(row.id);
    } else if (row.status === "expiring") {
      // Without a session id its opener expires the session itself; with one it must go first.
      if (row.stripeSessionId) toExpire.push(row.id);
    } else {
      const sameOpener = input.memberId ? row.openedByMember === input.memberId : row.openedByStaff !== null;
      const timeLeft = (row.expiresAt?.getTime() ?? 0) - now;
      if (sameOpener && row.amountMinor === payable.openMinor && row.currency === payable.invoice.currency && timeLeft > REUSE_MIN_LEFT_MS) return { kind: "reuse", row };
      replace.push(row.id);
      toExpire.push(row.id);
    }
  }
  if (lapsed.length) await tx.update(cardCheckouts).set({ status: "closed" }).where(inArray(cardCheckouts.id, lapsed));
  if (replace.length) await tx.update(cardCheckouts).set({ status: "expiring" }).where(inArray(cardCheckouts.id, replace));
  if (toExpire.length) {
    // The opener expires them right after this commits; the job makes sure of it if that fails.
    await queueCheckoutExpiry(tx, input.dojoId, toExpire);
    return { kind: "expire-first", checkoutIds: toExpire };
  }

  const [row] = await tx
    .insert(cardCheckouts)
    .values({
      dojoId: input.dojoId,
      invoiceId: payable.invoice.id,
      amountMinor: payable.openMinor,
      currency: payable.invoice.currency,
      status: "opening",
      expiresAt: new Date(now + CHECKOUT_LIFETIME_MS),
      openedByStaff: input.staffId ?? null,
      openedByMember: input.memberId ?? null,
    })
    .returning();
  return { kind: "new", row, payable };
}
