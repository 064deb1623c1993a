import "server-only";
import { and, count, eq, gt, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { cardCheckouts, memberSubscriptions, members, shopOrders, subscriptionPlans } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Refuses a switch that would strand money: a subscription of the old account would go on
 * charging members with no webhook left to record it, and a payment page still open there
 * could be paid unseen. What can be let go safely (customer links, plans) needs the user's yes.
 */
export function assertSwitchAllowed(links: OldAccountLinks, confirmed: boolean, oldStillConnected: boolean): void {
  const blockers: string[] = [];
  // Without the old keys nothing can be cancelled from here: then the user is only told.
  if (oldStillConnected && links.chargingSubscriptions > 0) {
    blockers.push(`${plural(links.chargingSubscriptions, "member subscription is", "member subscriptions are")} still running in the connected account: cancel them on the members' pages first, or they would keep charging without being recorded here`);
  }
  if (oldStillConnected && links.openPaymentPages > 0) {
    blockers.push(`${plural(links.openPaymentPages, "payment page is", "payment pages are")} still open in the connected account: try again once they have been paid or have expired (at most a day)`);
  }
  if (blockers.length > 0) throw new ActionError(`These keys belong to another Stripe account. ${blockers.join("; ")}. Nothing was changed.`);

  if (!confirmed && (links.linkedMembers > 0 || links.plans > 0 || links.chargingSubscriptions > 0)) {
    const what = [links.linkedMembers > 0 && plural(links.linkedMembers, "member is linked to a customer", "members are linked to customers"), links.plans > 0 && plural(links.plans, "plan uses a price", "plans use prices")].filter(Boolean).join(" and ");
    const running = links.chargingSubscriptions > 0 ? ` ${plural(links.chargingSubscriptions, "subscription", "subscriptions")} of the earlier account will no longer be followed here: cancel them in that account's Stripe dashboard.` : "";
    const message = `These keys belong to another Stripe account than the one Tatami used before.${what ? ` ${what} of that account.` : ""} Switching unlinks those customers (members add their card again in the new account) and archives those plans.${running} Nothing was changed yet.`;
    throw new ActionError(message, { confirmAccountSwitch: [message] });
  }
}

/** Lets go of the old account's ids in the connect transaction. */
export async function unlinkOldAccount(tx: Tx, dojoId: string): Promise<void> {
  await tx.update(members).set({ stripeCustomerId: null }).where(and(eq(members.dojoId, dojoId), isNotNull(members.stripeCustomerId)));
  await tx.update(subscriptionPlans).set({ archived: true }).where(and(eq(subscriptionPlans.dojoId, dojoId), eq(subscriptionPlans.archived, false)));
}
