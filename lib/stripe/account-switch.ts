import "server-only";
import { and, count, eq, gt, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { cardCheckouts, memberSubscriptions, members, shopOrders, subscriptionPlans } from "@/db/schema";
import { refused } from "@/lib/errors";
import { LIVE_SUBSCRIPTION_STATUSES } from "./subscription-status";

// Every status in which Stripe may still charge the member (or ask them to pay).
const CHARGING_STATUSES = [...LIVE_SUBSCRIPTION_STATUSES, "unpaid", "incomplete", "paused"];

export interface OldAccountLinks {
  linkedMembers: number;
  plans: number;
  chargingSubscriptions: number;
  openPaymentPages: number;
}

/**
 * What of this dojo lives in the Stripe account it is connected to now. Customers, prices and
 * subscriptions belong to one account: after a switch to another account, their ids mean
 * nothing there ("No such customer").
 */
export async function oldAccountLinks(db: DbOrTx, dojoId: string, now = new Date()): Promise<OldAccountLinks> {
  const [[linked], [plans], [charging], [checkouts], [orders]] = await Promise.all([
    db.select({ n: count() }).from(members).where(and(eq(members.dojoId, dojoId), isNotNull(members.stripeCustomerId))),
    db.select({ n: count() }).from(subscriptionPlans).where(and(eq(subscriptionPlans.dojoId, dojoId), eq(subscriptionPlans.archived, false))),
    db.select({ n: count() }).from(memberSubscriptions).where(and(eq(memberSubscriptions.dojoId, dojoId), inArray(memberSubscriptions.status, CHARGING_STATUSES))),
    db.select({ n: count() }).from(cardCheckouts).where(and(eq(cardCheckouts.dojoId, dojoId), inArray(cardCheckouts.status, ["opening", "open"]))),
    db
      .select({ n: count() })
      .from(shopOrders)
      .where(and(eq(shopOrders.dojoId, dojoId), eq(shopOrders.status, "pending"), eq(shopOrders.payment, "card"), isNotNull(shopOrders.stripeSessionId), gt(shopOrders.reservedUntil, now))),
  ]);
  return { linkedMembers: linked.n, plans: plans.n, chargingSubscriptions: charging.n, openPaymentPages: checkouts.n + orders.n };
}

/**
 * Refuses a switch that would strand money: a subscription of the old account would go on
 * charging members with no webhook left to record it, and a payment page still open there
 * could be paid unseen. What can be let go safely (customer links, plans) needs the user's yes.
 */
export function assertSwitchAllowed(links: OldAccountLinks, confirmed: boolean, oldStillConnected: boolean): void {
  // Without the old keys nothing can be cancelled from here: then the user is only told.
  if (oldStillConnected && (links.chargingSubscriptions > 0 || links.openPaymentPages > 0)) {
    throw refused("stripe.switch_blocked", { chargingSubscriptions: links.chargingSubscriptions, openPaymentPages: links.openPaymentPages });
  }

  if (!confirmed && (links.linkedMembers > 0 || links.plans > 0 || links.chargingSubscriptions > 0)) {
    throw refused("stripe.switch_needs_confirmation", { linkedMembers: links.linkedMembers, plans: links.plans, chargingSubscriptions: links.chargingSubscriptions });
  }
}

/** Lets go of the old account's ids in the connect transaction. */
export async function unlinkOldAccount(tx: Tx, dojoId: string): Promise<void> {
  await tx.update(members).set({ stripeCustomerId: null }).where(and(eq(members.dojoId, dojoId), isNotNull(members.stripeCustomerId)));
  await tx.update(subscriptionPlans).set({ archived: true }).where(and(eq(subscriptionPlans.dojoId, dojoId), eq(subscriptionPlans.archived, false)));
}
