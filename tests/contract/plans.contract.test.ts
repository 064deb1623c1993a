import type Stripe from "stripe";
import { expect, onTestFinished } from "vitest";
import { getDb } from "@/db/client";
import { getBilling } from "@/lib/account-plans/billing-account";
import { planPriceId } from "@/lib/account-plans/catalog";
import { cancelScheduledChange, scheduleDowngrade } from "@/lib/account-plans/change-plan";
import { quoteUpgrade, upgradePlan } from "@/lib/account-plans/upgrade";
import { confirmPlanCheckout, openCardCheckout, openSubscribeCheckout } from "@/lib/account-plans/checkout";
import { PLAN_PRICES } from "@/lib/account-plans/features";
import { platformInvoices } from "@/lib/account-plans/history";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { sessionIdOf } from "../support/card-payment";
import { createDojo } from "../support/factories";
import { subscribeOnClock } from "../support/platform-subscription";
import { browserContractTest, contractSuite, contractTest } from "./support/contract";
import { contractTarget } from "./support/target";
import { wordsOf } from "../support/refusal";

// Tatami's own Stripe account bills the dojos for their plan. On real Stripe the contract
// account plays it too; the plans' Prices (found by lookup key) are made there once and kept.
function platformAdmin(): Stripe {
  return contractTarget().admin(process.env.PLATFORM_STRIPE_SECRET_KEY!);
}

/** The dojo's platform customer is deleted when the test ends (Checkout sessions and all). */
async function deleteCustomerAfterwards(dojoId: string) {
  const db = await getDb();
  onTestFinished(async () => {
    const billing = await getBilling(db, dojoId);
    if (billing?.stripeCustomerId) await platformAdmin().customers.del(billing.stripeCustomerId).catch((error) => console.warn("contract cleanup: deleting the platform customer failed", error));
  });
}

contractSuite("Tatami's own plan billing (platform account)", () => {
  contractTest(
    "choosing a plan opens embedded Checkout in subscription mode for the dojo's platform customer and the plan's Price; unfinished it is pending",
    ["customers.create", "prices.list", "checkout.sessions.create", "checkout.sessions.retrieve"],
    async () => {
      const db = await getDb();
      const admin = platformAdmin();
      const dojo = await createDojo({ plan: "basic" });
      await deleteCustomerAfterwards(dojo.id);
      const opened = await openSubscribeCheckout(db, dojo, { plan: "pro", interval: "year" });
      expect(opened.publishableKey).toBe(process.env.PLATFORM_STRIPE_PUBLISHABLE_KEY);

      const billing = await getBilling(db, dojo.id);
      expect(await admin.customers.retrieve(billing!.stripeCustomerId!)).toMatchObject({ name: dojo.name, metadata: { tatami_dojo_id: dojo.id } });
      const sessionId = sessionIdOf(opened.clientSecret);
      const session = await admin.checkout.sessions.retrieve(sessionId, { expand: ["line_items"] });
      expect(session).toMatchObject({ mode: "subscription", ui_mode: "embedded_page", status: "open", customer: billing!.stripeCustomerId, metadata: { tatami_dojo_id: dojo.id, tatami_plan: "pro" } });
      const priceId = await planPriceId(admin, "pro", "year");
      expect(session.line_items?.data.map((l) => [l.price?.id, l.quantity])).toEqual([[priceId, 1]]);
      expect(await admin.prices.retrieve(priceId)).toMatchObject({ active: true, currency: "eur", unit_amount: PLAN_PRICES.pro.year, recurring: { interval: "year" }, lookup_key: `tatami_pro_year_${PLAN_PRICES.pro.year}`, metadata: { tatami_plan: "pro" } });

      expect(await confirmPlanCheckout(db, dojo, sessionId)).toEqual({ kind: "pending" });
      await expect(wordsOf(confirmPlanCheckout(db, await createDojo(), sessionId))).resolves.toMatch("That Checkout does not belong to your dojo.");
    },
  );

  contractTest("a new card for the plan payments opens embedded Checkout in setup mode, in euros", ["checkout.sessions.create", "checkout.sessions.retrieve"], async () => {
    const db = await getDb();
    const dojo = await createDojo({ plan: "pro" });
    await deleteCustomerAfterwards(dojo.id);
    const opened = await openCardCheckout(db, dojo);
    const session = await platformAdmin().checkout.sessions.retrieve(sessionIdOf(opened.clientSecret));
    expect(session).toMatchObject({ mode: "setup", ui_mode: "embedded_page", status: "open", currency: "eur", customer: (await getBilling(db, dojo.id))!.stripeCustomerId, metadata: { tatami_dojo_id: dojo.id } });
    expect(await confirmPlanCheckout(db, dojo, session.id)).toEqual({ kind: "pending" });
  });

  browserContractTest(
    "the plan paid in Checkout applies; a card set up later pays the subscription",
    ["checkout.sessions.retrieve", "customers.update", "subscriptions.update"],
    async () => {
      const db = await getDb();
      const admin = platformAdmin();
      const dojo = await createDojo({ plan: "basic" });
      await deleteCustomerAfterwards(dojo.id);
      const subscribe = sessionIdOf((await openSubscribeCheckout(db, dojo, { plan: "pro", interval: "month" })).clientSecret);
      expect((await submitCheckoutForm(subscribe, { card_number: "4242424242424242" }, { embedded: true })).status).toBeLessThan(400);
      expect(await confirmPlanCheckout(db, dojo, subscribe)).toEqual({ kind: "subscribed", plan: "pro" });

      const card = sessionIdOf((await openCardCheckout(db, dojo)).clientSecret);
      expect((await submitCheckoutForm(card, { card_number: "5555555555554444" }, { embedded: true })).status).toBeLessThan(400);
      expect(await confirmPlanCheckout(db, dojo, card)).toEqual({ kind: "card" });
      const billing = await getBilling(db, dojo.id);
      const sub = await admin.subscriptions.retrieve(billing!.stripeSubscriptionId!, { expand: ["default_payment_method", "customer"] });
      expect((sub.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe("4444");
      expect((sub.customer as Stripe.Customer).invoice_settings.default_payment_method).toBe((sub.default_payment_method as Stripe.PaymentMethod).id);
    },
  );

  contractTest(
    "an upgrade charges exactly Stripe's preview; a downgrade waits for the period end and can be taken back; the plan invoices are listed",
    ["subscriptions.retrieve", "testHelpers.testClocks.retrieve", "invoices.createPreview", "customers.retrieve", "paymentMethods.retrieve", "subscriptions.update", "invoices.list"],
    async () => {
      const db = await getDb();
      const admin = platformAdmin();
      const dojo = await createDojo({ plan: "pro" });
      // A test clock at the period's first second: the upgrade's proration is the whole difference.
      const start = Math.floor(Date.now() / 1000);
      const { clock, subscription } = await subscribeOnClock(db, admin, dojo, { plan: "pro", interval: "month", start });
      onTestFinished(async () => {
        await admin.testHelpers.testClocks.del(clock).catch((error) => console.warn("contract cleanup: deleting the test clock failed", error));
      });
      const periodEnd = subscription.items.data[0].current_period_end;

      const quote = await quoteUpgrade(db, dojo, "ultimate");
      expect(quote).toMatchObject({ from: "pro", to: "ultimate", interval: "month", prorationDate: start, period: { start, end: periodEnd }, currency: "EUR", card: { brand: "visa", last4: "4242" } });
      expect(quote.amountDue).toBe(PLAN_PRICES.ultimate.month - PLAN_PRICES.pro.month);
      expect(quote.lines.reduce((sum, line) => sum + line.amount, 0)).toBe(quote.amountDue);

      expect(await upgradePlan(db, dojo, { plan: "ultimate", prorationDate: quote.prorationDate })).toEqual({ status: "upgraded", plan: "ultimate", amountPaid: quote.amountDue, currency: "EUR" });
      const ultimatePrice = await planPriceId(admin, "ultimate", "month");
      const priceNow = async () => (await admin.subscriptions.retrieve(subscription.id)).items.data[0].price.id;
      expect(await priceNow()).toBe(ultimatePrice);

      expect(await scheduleDowngrade(db, dojo, "pro")).toEqual({ effectiveAt: new Date(periodEnd * 1000) });
      expect(await priceNow()).toBe(await planPriceId(admin, "pro", "month"));
      expect(await getBilling(db, dojo.id)).toMatchObject({ pendingPlan: "pro" });
      await cancelScheduledChange(db, { id: dojo.id, plan: "ultimate" });
      expect(await priceNow()).toBe(ultimatePrice);
      expect(await getBilling(db, dojo.id)).toMatchObject({ pendingPlan: null });

      const history = await platformInvoices(db, dojo.id);
      expect(history.map((i) => [i.amount, i.currency, i.status]).sort()).toEqual(
        [
          [PLAN_PRICES.pro.month, "EUR", "paid"],
          [quote.amountDue, "EUR", "paid"],
        ].sort(),
      );
    },
  );
});
