import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberSubscriptions, subscriptionPlans, type Dojo, type StripeCustomerImport } from "@/db/schema";
import { cardAvailability } from "@/lib/payments/card/card-availability";
import { hasFeature } from "@/lib/account-plans/features";
import { stripeForDojo } from "@/lib/stripe/connection";
import { listCustomerCards, type CustomerCard } from "./cards";
import { customerImportOf } from "./import-customer-invoices";
import { pendingFeesByCustomer, type PendingFee } from "./fees";
import { listPlans } from "./plans";
import { pauseHistory } from "./pause-history";
import type { SubscriptionPauseEvent } from "@/db/schema";
import { payerOf } from "@/lib/families/payer";
import { payerCustomerId } from "./payer-customer";

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
      pauseBehavior: memberSubscriptions.pauseBehavior,
      pauseResumesAt: memberSubscriptions.pauseResumesAt,
      amountMinor: memberSubscriptions.latestAmountMinor,
      currency: memberSubscriptions.currency,
      stripeSubscriptionId: memberSubscriptions.stripeSubscriptionId,
      signupFeeMinor: subscriptionPlans.signupFeeMinor,
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
      /** The customer and cards shown are the family payer's (lib/families/payer.ts). */
      familyPaid: boolean;
      /** null: the customer is gone from Stripe, or Stripe could not be reached (cardsError says which). */
      cards: CustomerCard[] | null;
      cardsError: string | null;
      subscriptions: MemberSubscriptionRow[];
      /** Fees waiting in Stripe for each subscription's next invoice, by subscription id (ours). */
      pendingFees: Record<string, PendingFee[]>;
      /** Pauses and resumes of those subscriptions, newest first. */
      pauseHistory: SubscriptionPauseEvent[];
      /** Importing the linked customer's past paid invoices: its progress or result. */
      customerImport: Pick<StripeCustomerImport, "customerId" | "status" | "found" | "imported" | "error"> | null;
      subscriptionsAllowed: boolean;
      plans: { id: string; name: string; amountMinor: number; currency: string; interval: string; intervalCount: number; trialDays: number | null; signupFeeMinor: number | null }[];
    };

/** What the member profile's Stripe section shows: customer, saved cards, subscriptions, plans to subscribe to. */
export async function memberStripeOverview(db: DbOrTx, dojo: Pick<Dojo, "id" | "plan">, memberId: string): Promise<MemberStripeOverview> {
  const availability = await cardAvailability(db, dojo);
  if (!availability.connected) return { connected: false, planAllows: availability.planAllows };
  // A family member pays with the family payer's customer and card.
  const payer = await payerOf(db, dojo.id, memberId);
  const customerId = await payerCustomerId(db, dojo.id, payer);
  let cards: CustomerCard[] | null = [];
  let cardsError: string | null = null;
  const subscriptionsAllowed = hasFeature(dojo.plan, "subscriptions");
  const subscriptions = await memberSubscriptionRows(db, dojo.id, memberId);
  const pendingFees: Record<string, PendingFee[]> = {};
  if (customerId) {
    try {
      const { stripe } = await stripeForDojo(db, dojo.id);
      cards = await listCustomerCards(stripe, customerId, { withMandate: true });
      if (!cards) cardsError = `Customer ${customerId} no longer exists in Stripe. Set another customer ID or create a new customer.`;
      else if (subscriptionsAllowed && subscriptions.length > 0) {
        const fees = await pendingFeesByCustomer(stripe, customerId);
        for (const s of subscriptions) pendingFees[s.id] = fees.get(s.stripeSubscriptionId) ?? [];
      }
    } catch (error) {
      cards = null;
      cardsError = error instanceof Error ? error.message : "Stripe could not be reached.";
    }
  }
  return {
    connected: true,
    stripeJsUrl: availability.stripeJsUrl,
    customerId,
    familyPaid: payer.kind !== "member" || payer.memberId !== memberId,
    cards,
    cardsError,
    subscriptions,
    pendingFees,
    pauseHistory: await pauseHistory(db, dojo.id, subscriptions.map((s) => s.id)),
    customerImport: customerId && payer.kind === "member" ? await customerImportOf(db, dojo.id, payer.memberId) : null,
    subscriptionsAllowed,
    plans: subscriptionsAllowed ? await listPlans(db, dojo.id) : [],
  };
}
