import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberSubscriptions, members, subscriptionPlans, type Dojo, type StripeCustomerImport } from "@/db/schema";
import { cardAvailability } from "@/lib/payments/card/card-availability";
import { hasFeature } from "@/lib/account-plans/features";
import { stripeForDojo } from "@/lib/stripe/connection";
import { listCustomerCards, type CustomerCard } from "./cards";
import { customerImportOf } from "./import-customer-invoices";
import { listPlans } from "./plans";

export async function memberSubscriptionRows(db: DbOrTx, dojoId: string, memberId: string) {
  return db
    .select({
      id: memberSubscriptions.id,
      status: memberSubscriptions.status,
      planName: subscriptionPlans.name,
      interval: subscriptionPlans.interval,
      intervalCount: subscriptionPlans.intervalCount,
      currentPeriodEnd: memberSubscriptions.currentPeriodEnd,
      cancelAtPeriodEnd: memberSubscriptions.cancelAtPeriodEnd,
      amountMinor: memberSubscriptions.latestAmountMinor,
      currency: memberSubscriptions.currency,
      stripeSubscriptionId: memberSubscriptions.stripeSubscriptionId,
    })
    .from(memberSubscriptions)
    .leftJoin(subscriptionPlans, eq(subscriptionPlans.id, memberSubscriptions.planId))
    .where(and(eq(memberSubscriptions.dojoId, dojoId), eq(memberSubscriptions.memberId, memberId)))
    .orderBy(desc(memberSubscriptions.createdAt));
}
export type MemberSubscriptionRow = Awaited<ReturnType<typeof memberSubscriptionRows>>[number];

export type MemberStripeOverview =
  | { connected: false; planAllows: boolean }
  | {
      connected: true;
      stripeJsUrl: string | null;
      customerId: string | null;
      /** null: the customer is gone from Stripe, or Stripe could not be reached (cardsError says which). */
      cards: CustomerCard[] | null;
      cardsError: string | null;
      subscriptions: MemberSubscriptionRow[];
      /** Importing the linked customer's past paid invoices: its progress or result. */
      customerImport: Pick<StripeCustomerImport, "customerId" | "status" | "found" | "imported" | "error"> | null;
      subscriptionsAllowed: boolean;
      plans: { id: string; name: string; amountMinor: number; currency: string; interval: string; intervalCount: number }[];
    };

/** What the member profile's Stripe section shows: customer, saved cards, subscriptions, plans to subscribe to. */
export async function memberStripeOverview(db: DbOrTx, dojo: Pick<Dojo, "id" | "plan">, memberId: string): Promise<MemberStripeOverview> {
  const availability = await cardAvailability(db, dojo);
  if (!availability.connected) return { connected: false, planAllows: availability.planAllows };
  const [member] = await db.select({ customerId: members.stripeCustomerId }).from(members).where(and(eq(members.id, memberId), eq(members.dojoId, dojo.id)));
  const customerId = member?.customerId ?? null;
  let cards: CustomerCard[] | null = [];
  let cardsError: string | null = null;
  if (customerId) {
    try {
      const { stripe } = await stripeForDojo(db, dojo.id);
      cards = await listCustomerCards(stripe, customerId);
      if (!cards) cardsError = `Customer ${customerId} no longer exists in Stripe. Set another customer ID or create a new customer.`;
    } catch (error) {
      cards = null;
      cardsError = error instanceof Error ? error.message : "Stripe could not be reached.";
    }
  }
  const subscriptionsAllowed = hasFeature(dojo.plan, "subscriptions");
  return {
    connected: true,
    stripeJsUrl: availability.stripeJsUrl,
    customerId,
    cards,
    cardsError,
    subscriptions: await memberSubscriptionRows(db, dojo.id, memberId),
    customerImport: customerId ? await customerImportOf(db, dojo.id, memberId) : null,
    subscriptionsAllowed,
    plans: subscriptionsAllowed ? await listPlans(db, dojo.id) : [],
  };
}
