import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { invoiceLines, memberSubscriptions } from "@/db/schema";
import { makeDefaultCard } from "@/lib/subscriptions/cards";
import { payOpenSubscriptionInvoice } from "@/lib/subscriptions/pay-open-invoice";
import { createPlan, importPlans, listPlans } from "@/lib/subscriptions/plans";
import { cancelSubscription, subscribeMember } from "@/lib/subscriptions/subscribe";
import { pauseSubscription, resumeSubscription } from "@/lib/subscriptions/pause";
import { addDays, localDate, startOfLocalDay } from "@/lib/dates";
import { retrieveAndSyncSubscription } from "@/lib/subscriptions/sync-subscription";
import { paymentState } from "../support/card-payment";
import { contractSuite, contractTest } from "./support/contract";
import { contractTarget } from "./support/target";
import { connectedDojo, memberWithCard, type ConnectedDojo } from "./support/world";
import { wordsOf } from "../support/refusal";

const monthlyPlan = (world: ConnectedDojo) =>
  createPlan(world.db, world.stripe, { dojoId: world.dojo.id, currency: world.dojo.currency, name: "Kids monthly", amount: "39.00", interval: "month", intervalCount: 1, attempt: randomUUID() });

async function subscriptionRow(world: ConnectedDojo, id: string) {
  const [row] = await world.db.select().from(memberSubscriptions).where(eq(memberSubscriptions.id, id));
  return row;
}

/** A member with a card, subscribed to a new monthly plan. */
async function subscribedToMonthly() {
  const world = await connectedDojo();
  const plan = await monthlyPlan(world);
  const { memberId } = await memberWithCard(world);
  const { subscriptionId } = await subscribeMember(world.db, world.stripe, { dojoId: world.dojo.id, memberId, planId: plan.id, currency: world.dojo.currency, attempt: randomUUID() });
  return { world, memberId, subscriptionId, stripeId: (await subscriptionRow(world, subscriptionId)).stripeSubscriptionId };
}

contractSuite("Member subscriptions (Billing)", () => {
  contractTest("a plan is a Product with a recurring Price; importing finds prices made in the dashboard", ["products.create", "prices.create", "prices.list"], async () => {
    const world = await connectedDojo();
    const { db, dojo, admin, stripe } = world;
    const plan = await monthlyPlan(world);
    expect(plan).toMatchObject({ name: "Kids monthly", amountMinor: 3_900, currency: "EUR", interval: "month", intervalCount: 1, stripePriceId: expect.stringMatching(/^price_/), stripeProductId: expect.stringMatching(/^prod_/) });
    expect(await admin.prices.retrieve(plan.stripePriceId)).toMatchObject({ product: plan.stripeProductId, active: true, type: "recurring", unit_amount: 3_900, currency: "eur", recurring: { interval: "month", interval_count: 1 } });

    // Made in the dashboard (marked as this dojo's only so the test can archive it afterwards).
    const product = await admin.products.create({ name: `Adults yearly ${randomUUID().slice(0, 8)}`, metadata: { tatami_dojo_id: dojo.id } });
    const yearly = await admin.prices.create({ product: product.id, currency: "eur", unit_amount: 42_000, recurring: { interval: "year" }, metadata: { tatami_dojo_id: dojo.id } });
    const imported = await importPlans(db, stripe, { dojoId: dojo.id, currency: dojo.currency, priceIds: [yearly.id] });
    expect(imported).toEqual({ imported: 1, skipped: 0 });
    const plans = await listPlans(db, dojo.id);
    expect(plans.find((p) => p.stripePriceId === yearly.id)).toMatchObject({ name: product.name, amountMinor: 42_000, currency: "EUR", interval: "year", intervalCount: 1, stripeProductId: product.id });
    expect(plans.filter((p) => p.stripePriceId === plan.stripePriceId)).toHaveLength(1);
  });

  contractTest(
    "subscribing charges the member's default card at once; Stripe's first invoice becomes a paid invoice here",
    ["subscriptions.create", "invoices.retrieve", "invoices.listLineItems", "paymentIntents.retrieve", "paymentMethods.list"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, stripe } = world;
      const plan = await monthlyPlan(world);
      const { memberId, customerId, paymentMethodId } = await memberWithCard(world);
      const subscribed = await subscribeMember(db, stripe, { dojoId: dojo.id, memberId, planId: plan.id, currency: dojo.currency, attempt: randomUUID() });
      expect(subscribed).toEqual({ subscriptionId: expect.any(String), firstPayment: "paid", invoiceId: expect.any(String) });

      const row = await subscriptionRow(world, subscribed.subscriptionId);
      expect(row).toMatchObject({ memberId, planId: plan.id, status: "active", cancelAtPeriodEnd: false, latestAmountMinor: 3_900, currency: "EUR", currentPeriodEnd: expect.any(Date) });
      const sub = await admin.subscriptions.retrieve(row.stripeSubscriptionId);
      expect(sub).toMatchObject({ status: "active", customer: customerId, metadata: { tatami_dojo_id: dojo.id, tatami_member_id: memberId, tatami_plan_id: plan.id } });
      expect(sub.items.data.map((i) => i.price.id)).toEqual([plan.stripePriceId]);

      const state = await paymentState(subscribed.invoiceId!);
      expect(state.invoice).toMatchObject({ source: "subscription", status: "paid", currency: "EUR", totalMinor: 3_900, stripeInvoiceId: sub.latest_invoice });
      expect(await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, state.invoice.id))).toEqual([expect.objectContaining({ quantity: 1, amountMinor: 3_900 })]);
      expect(state.payments).toEqual([expect.objectContaining({ method: "card", amountMinor: 3_900, stripePaymentIntentId: expect.stringMatching(/^pi_/) })]);
      const pi = await admin.paymentIntents.retrieve(state.payments[0].stripePaymentIntentId!);
      expect(pi).toMatchObject({ status: "succeeded", amount: 3_900, customer: customerId, payment_method: paymentMethodId });
    },
  );

  contractTest("cancelling at the period end and then at once; the subscription row follows what Stripe answers", ["subscriptions.update", "subscriptions.cancel", "subscriptions.retrieve"], async () => {
    const { world, subscriptionId, stripeId } = await subscribedToMonthly();
    const { db, dojo, admin, stripe } = world;

    await cancelSubscription(db, stripe, { dojoId: dojo.id, subscriptionId, when: "period_end" });
    expect(await subscriptionRow(world, subscriptionId)).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect(await admin.subscriptions.retrieve(stripeId)).toMatchObject({ status: "active", cancel_at_period_end: true });
    expect(await retrieveAndSyncSubscription(db, stripe, dojo.id, stripeId)).toMatchObject({ id: subscriptionId, status: "active", cancelAtPeriodEnd: true });

    await cancelSubscription(db, stripe, { dojoId: dojo.id, subscriptionId, when: "now" });
    expect(await subscriptionRow(world, subscriptionId)).toMatchObject({ status: "canceled" });
    expect(await admin.subscriptions.retrieve(stripeId)).toMatchObject({ status: "canceled" });
    await expect(wordsOf(cancelSubscription(db, stripe, { dojoId: dojo.id, subscriptionId, when: "now" }))).resolves.toMatch("This subscription has already ended.");
  });

  contractTest("a plan with a free trial: subscribing charges nothing now; Stripe's zero first invoice becomes no invoice here", ["subscriptions.create"], async () => {
    const world = await connectedDojo();
    const { db, dojo, admin, stripe } = world;
    const plan = await createPlan(db, stripe, { dojoId: dojo.id, currency: dojo.currency, name: "Trial monthly", amount: "39.00", interval: "month", intervalCount: 1, trialDays: 30, attempt: randomUUID() });
    const { memberId, customerId } = await memberWithCard(world);
    const subscribed = await subscribeMember(db, stripe, { dojoId: dojo.id, memberId, planId: plan.id, currency: dojo.currency, attempt: randomUUID() });
    expect(subscribed).toEqual({ subscriptionId: expect.any(String), firstPayment: "none", invoiceId: null });
    const row = await subscriptionRow(world, subscribed.subscriptionId);
    expect(row).toMatchObject({ status: "trialing", planId: plan.id });
    const sub = await admin.subscriptions.retrieve(row.stripeSubscriptionId, { expand: ["latest_invoice"] });
    expect(sub).toMatchObject({ status: "trialing", customer: customerId, latest_invoice: { amount_due: 0, status: "paid" } });
    expect(sub.trial_end! - sub.trial_start!).toBe(30 * 86_400);
  });

  contractTest("pausing collection (behavior void) until a date, then resuming; the row and Stripe agree", ["subscriptions.update"], async () => {
    const { world, memberId, subscriptionId, stripeId } = await subscribedToMonthly();
    const { db, dojo, admin, stripe } = world;
    const timeZone = "Europe/Amsterdam";
    const resumeOn = addDays(localDate(new Date(), timeZone), 20);

    await pauseSubscription(db, stripe, { dojoId: dojo.id, timeZone, subscriptionId, memberIds: [memberId], resumeOn, actor: "staff", attempt: randomUUID() });
    const resumesAt = Math.floor(startOfLocalDay(resumeOn, timeZone).getTime() / 1000);
    const paused = await admin.subscriptions.retrieve(stripeId);
    expect(paused).toMatchObject({ status: "active", pause_collection: { behavior: "void", resumes_at: resumesAt }, metadata: { tatami_pause_by: "staff" } });
    expect(await subscriptionRow(world, subscriptionId)).toMatchObject({ status: "active", pauseBehavior: "void", pauseResumesAt: new Date(resumesAt * 1000) });

    await resumeSubscription(db, stripe, { dojoId: dojo.id, subscriptionId, memberIds: [memberId], actor: "staff", attempt: randomUUID() });
    expect((await admin.subscriptions.retrieve(stripeId)).pause_collection).toBeNull();
    expect(await subscriptionRow(world, subscriptionId)).toMatchObject({ status: "active", pauseBehavior: null, pauseResumesAt: null });
  });

  contractTest(
    "a declined first payment leaves the subscription incomplete; the member pays that invoice with a new default card",
    ["subscriptions.create", "invoices.retrieve", "invoices.pay", "subscriptions.retrieve"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin, stripe } = world;
      const plan = await monthlyPlan(world);
      const { memberId, customerId } = await memberWithCard(world, { card: "pm_card_chargeCustomerFail" });
      const subscribed = await subscribeMember(db, stripe, { dojoId: dojo.id, memberId, planId: plan.id, currency: dojo.currency, attempt: randomUUID() });
      expect(subscribed).toMatchObject({ firstPayment: "failed", invoiceId: expect.any(String) });
      expect(await subscriptionRow(world, subscribed.subscriptionId)).toMatchObject({ status: "incomplete" });
      expect((await paymentState(subscribed.invoiceId!)).invoice.status).toBe("open");

      const visa = await admin.paymentMethods.attach("pm_card_visa", { customer: customerId });
      await makeDefaultCard(stripe, customerId, visa.id);
      const paid = await payOpenSubscriptionInvoice(db, stripe, { dojoId: dojo.id, payer: memberId, invoiceId: subscribed.invoiceId!, customerId, publishableKey: contractTarget().publishableKey(world.secretKey) });
      expect(paid).toEqual({ status: "paid" });
      expect(await subscriptionRow(world, subscribed.subscriptionId)).toMatchObject({ status: "active" });
      const state = await paymentState(subscribed.invoiceId!);
      expect(state.invoice.status).toBe("paid");
      expect(state.payments).toEqual([expect.objectContaining({ amountMinor: 3_900 })]);
    },
  );
});
