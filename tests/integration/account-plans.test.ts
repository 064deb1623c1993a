import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as memberCardActions from "@/app/portal/(member)/card-actions";
import * as stripeSettingsActions from "@/app/(staff)/settings/stripe/actions";
import { getDb } from "@/db/client";
import { dojoBilling, dojos, staffUsers, type BillingInterval, type Plan } from "@/db/schema";
import { featureOf } from "@/lib/action";
import { inviteStaffMember } from "@/app/(staff)/settings/staff/actions";
import {
  cancelScheduledChangeAction,
  confirmPlanCheckoutAction,
  confirmUpgradeAction,
  openCardCheckoutAction,
  openSubscribeCheckoutAction,
  scheduleDowngradeAction,
  upgradePlanAction,
} from "@/app/(staff)/settings/account/actions";
import { platformInvoices } from "@/lib/account-plans/history";
import { answerThreeDSecure, submitCheckoutForm } from "@/emulator/stripe/test-support";
import { getStaffSession } from "@/lib/auth/session";
import { signUpDojo, signupSchema } from "@/lib/dojos/signup";
import { quoteUpgrade } from "@/lib/account-plans/upgrade";
import { hasFeature, lowestPlanWith, PLAN_NAMES, PLAN_PRICES, PLANS, type Feature } from "@/lib/account-plans/features";
import { planChangeDue } from "@/lib/account-plans/proration";
import { effectivePlan, trialState } from "@/lib/account-plans/effective-plan";
import { receivePlatformWebhook } from "@/lib/account-plans/webhooks/receive";
import { platformStripe } from "@/lib/stripe/platform";
import { discoverServerActions } from "../support/discover";
import { advanceClock, subscribeOnClock } from "../support/platform-subscription";
import { createDojo, createMember, createStaff, signedInDojo, signInAsMember, signInAsStaff } from "../support/factories";

// Importing every action file brings in the login actions: stand in for Auth.js.
vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));

const DAY = 86_400;
// Fixed dates keep the arithmetic readable: a 31-day January, a 365-day 2027.
const JAN_1_2027 = Date.UTC(2027, 0, 1) / 1000;

async function proDojo(interval: BillingInterval, at: number, card?: string) {
  const { dojo, user } = await signedInDojo({ plan: "pro" });
  const db = await getDb();
  const stripe = platformStripe();
  const subscribed = await subscribeOnClock(db, stripe, dojo, { plan: "pro", interval, start: JAN_1_2027, now: at, card });
  return { dojo, user, stripe, ...subscribed };
}

async function ownerOf(id: string) {
  const [owner] = await (await getDb()).select().from(staffUsers).where(eq(staffUsers.id, id));
  return owner;
}

async function planOf(dojoId: string) {
  const db = await getDb();
  const [row] = await db.select({ plan: dojos.plan, billing: dojoBilling }).from(dojos).leftJoin(dojoBilling, eq(dojoBilling.dojoId, dojos.id)).where(eq(dojos.id, dojoId));
  return row;
}

describe("upgrade proration: our figure, Stripe's preview and Stripe's charge agree", () => {
  const cases: [BillingInterval, number, number][] = [
    ["month", 0.5, 31],
    ["month", 10, 31],
    ["month", 20.25, 31],
    ["month", 30, 31],
    ["year", 1, 365],
    ["year", 100, 365],
    ["year", 200.5, 365],
    ["year", 364, 365],
  ];
  it.each(cases)("%s period, %s days in", async (interval, daysIn, periodDays) => {
    const at = JAN_1_2027 + Math.round(daysIn * DAY);
    const { dojo, stripe, subscription } = await proDojo(interval, at);
    const period = { start: JAN_1_2027, end: JAN_1_2027 + periodDays * DAY };
    const db = await getDb();

    const quote = await quoteUpgrade(db, dojo, "ultimate");
    expect(quote.period).toEqual(period);
    expect(quote.prorationDate).toBe(at);
    const ours = planChangeDue("pro", "ultimate", interval, period, at);
    const fraction = (period.end - at) / (period.end - period.start);
    expect(ours).toBe(Math.round(PLAN_PRICES.ultimate[interval] * fraction) - Math.round(PLAN_PRICES.pro[interval] * fraction));
    expect(quote.amountDue).toBe(ours);

    const result = await upgradePlanAction({ plan: "ultimate", prorationDate: quote.prorationDate });
    expect(result).toMatchObject({ ok: true, data: { status: "upgraded", plan: "ultimate", amountPaid: ours } });
    const invoices = await stripe.invoices.list({ subscription: subscription.id });
    expect(invoices.data[0]).toMatchObject({ billing_reason: "subscription_update", status: "paid", amount_paid: ours });
    expect((await planOf(dojo.id)).plan).toBe("ultimate");
  });

  it("refuses a proration date the server did not quote", async () => {
    const at = JAN_1_2027 + 10 * DAY;
    const { dojo } = await proDojo("month", at);
    expect(await upgradePlanAction({ plan: "ultimate", prorationDate: JAN_1_2027 + 2 * DAY })).toMatchObject({ ok: false, error: expect.stringContaining("expired") });
    expect(await upgradePlanAction({ plan: "ultimate", prorationDate: at + 3600 })).toMatchObject({ ok: false });
    expect((await planOf(dojo.id)).plan).toBe("pro");
  });

  it("a declined payment leaves the plan and the subscription unchanged", async () => {
    const at = JAN_1_2027 + 10 * DAY;
    const { dojo, stripe, subscription, customer } = await proDojo("month", at);
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: failing.id });
    const db = await getDb();
    const quote = await quoteUpgrade(db, dojo, "ultimate");
    const result = await upgradePlanAction({ plan: "ultimate", prorationDate: quote.prorationDate });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/declined.*plan is unchanged/) });
    expect((await planOf(dojo.id)).plan).toBe("pro");
    const after = await stripe.subscriptions.retrieve(subscription.id);
    expect(after.items.data[0].price.id).toBe(subscription.items.data[0].price.id);

    // Another card, same quoted instant: a new payment, not a replay of the decline.
    const good = await stripe.paymentMethods.attach("pm_card_visa", { customer });
    await stripe.subscriptions.update(subscription.id, { default_payment_method: good.id });
    const retried = await upgradePlanAction({ plan: "ultimate", prorationDate: quote.prorationDate });
    expect(retried).toMatchObject({ ok: true, data: { status: "upgraded", amountPaid: quote.amountDue } });
    expect((await planOf(dojo.id)).plan).toBe("ultimate");
  });
});

describe("upgrading with a card whose bank asks for 3-D Secure", () => {
  async function secureCardDojo() {
    const at = JAN_1_2027 + 10 * DAY;
    const ctx = await proDojo("month", at);
    // 3184 asks its holder on every payment; the owner is on the page to answer.
    const secure = await ctx.stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer: ctx.customer });
    await ctx.stripe.customers.update(ctx.customer, { invoice_settings: { default_payment_method: secure.id } });
    const quote = await quoteUpgrade(await getDb(), ctx.dojo, "ultimate");
    return { ...ctx, quote };
  }

  it("waits for the challenge with the plan unchanged, then applies once Stripe says paid", async () => {
    const { dojo, stripe, subscription, quote } = await secureCardDojo();
    const started = await upgradePlanAction({ plan: "ultimate", prorationDate: quote.prorationDate });
    if (!started.ok || started.data.status !== "requires_action") throw new Error(`expected 3-D Secure, got ${JSON.stringify(started)}`);
    expect(started.data.publishableKey).toBe(process.env.PLATFORM_STRIPE_PUBLISHABLE_KEY);
    expect((await planOf(dojo.id)).plan).toBe("pro");
    const waiting = await stripe.subscriptions.retrieve(subscription.id);
    expect(waiting.pending_update).not.toBeNull();
    expect(waiting.items.data[0].price.id).toBe(subscription.items.data[0].price.id);
    // Asking before the bank has answered changes nothing.
    expect(await confirmUpgradeAction({ requestId: started.data.requestId })).toMatchObject({ ok: false, error: expect.stringContaining("has not confirmed") });

    // Stripe.js in the browser: the challenge is completed.
    await answerThreeDSecure(started.data.clientSecret.split("_secret_")[0], "complete");
    const confirmed = await confirmUpgradeAction({ requestId: started.data.requestId });
    expect(confirmed).toMatchObject({ ok: true, data: { status: "upgraded", plan: "ultimate", amountPaid: quote.amountDue } });
    expect((await planOf(dojo.id)).plan).toBe("ultimate");
    expect((await stripe.subscriptions.retrieve(subscription.id)).pending_update).toBeNull();
    // Confirming again is harmless.
    expect(await confirmUpgradeAction({ requestId: started.data.requestId })).toMatchObject({ ok: true, data: { status: "upgraded" } });
  });

  it("a failed challenge leaves the plan unchanged with a clear message; another dojo cannot confirm it", async () => {
    const { dojo, quote } = await secureCardDojo();
    const started = await upgradePlanAction({ plan: "ultimate", prorationDate: quote.prorationDate });
    if (!started.ok || started.data.status !== "requires_action") throw new Error("expected 3-D Secure");
    await answerThreeDSecure(started.data.clientSecret.split("_secret_")[0], "fail");
    expect(await confirmUpgradeAction({ requestId: started.data.requestId })).toMatchObject({ ok: false, error: expect.stringMatching(/did not confirm the payment.*plan is unchanged/) });
    expect((await planOf(dojo.id)).plan).toBe("pro");

    await signedInDojo({ plan: "pro" });
    expect(await confirmUpgradeAction({ requestId: started.data.requestId })).toMatchObject({ ok: false, error: "Plan change was not found." });
  });
});

describe("gated actions: a crafted request from a lower plan is refused", () => {
  type Action = (input: unknown) => Promise<{ ok: boolean; error?: string }>;
  // Every server action in the code base, found from the "use server" files, with the feature
  // it is gated by (lib/action.ts records it on the action).
  const gated: Array<{ name: string; feature: Feature; action: Action; member: boolean }> = [];
  beforeAll(async () => {
    for (const { file, name, fn } of await discoverServerActions()) {
      const feature = featureOf(fn);
      if (feature) gated.push({ name: `${file} ${name}`, feature, action: fn as unknown as Action, member: file.startsWith("app/portal/") });
    }
  });

  it("finds the gated actions of every paid feature", () => {
    const names = gated.map((g) => g.name);
    for (const expected of ["connectStripeAccount", "openInvoiceCheckoutAction", "refundCardPaymentAction", "openMemberCheckoutAction", "reconcileStripe"]) expect(names.some((n) => n.endsWith(` ${expected}`))).toBe(true);
    expect(new Set(gated.map((g) => g.feature))).toEqual(new Set(["stripePayments", "subscriptions", "emailCampaigns"]));
    expect(gated.length).toBeGreaterThan(20);
  });

  it("refuses each one to the highest plan without its feature, whatever the input", async () => {
    const crafted = { invoiceId: randomUUID(), memberId: randomUUID(), id: randomUUID(), sessionId: "cs_test_crafted", paymentIntentId: "pi_crafted", publishableKey: "pk_test_x", secretKey: "sk_test_x", currency: "EUR", attempt: randomUUID() };
    for (const { name, feature, action, member } of gated) {
      const plan = ([...PLANS].reverse().find((p) => !hasFeature(p, feature)) ?? "basic") as Plan;
      if (member) {
        const dojo = await createDojo({ plan });
        signInAsMember(await createMember(dojo.id));
        expect(await action(crafted), name).toEqual({ ok: false, error: "This is not available for your dojo." });
      } else {
        await signedInDojo({ plan });
        expect(await action(crafted), name).toMatchObject({ ok: false, error: expect.stringContaining(`part of the ${PLAN_NAMES[lowestPlanWith(feature)]} plan`) });
      }
    }
  });

  it("the staff invitation stops at the plan's staff limit", async () => {
    const { dojo } = await signedInDojo({ plan: "basic" });
    await createStaff(dojo.id, "staff");
    const result = await inviteStaffMember({ email: "third@example.test", name: "Third", role: "staff" });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Basic plan includes 2 staff users") });
  });
});

describe("trial", () => {
  const signup = (slug: string) => signupSchema.parse({ dojoName: "Trial Dojo", slug, currency: "eur", ownerName: "Tia Trial", email: `${slug}@example.test`, password: "long enough password" });

  it("a new dojo gets 14 days of Ultimate, then falls back to Basic features with its data kept", async () => {
    const db = await getDb();
    const fresh = await signUpDojo(db, signup(`trial-new-${Date.now()}`));
    signInAsStaff(await ownerOf(fresh.ownerId));
    expect((await getStaffSession())?.dojo.plan).toBe("ultimate");
    const billing = await planOf(fresh.dojoId);
    expect(billing.billing?.trialEndsAt?.getTime()).toBeGreaterThan(Date.now() + 13.9 * DAY * 1000);

    const old = await signUpDojo(db, signup(`trial-old-${Date.now()}`), new Date(Date.now() - 15 * DAY * 1000));
    const member = await createMember(old.dojoId);
    signInAsStaff(await ownerOf(old.ownerId));
    const session = await getStaffSession();
    expect(session?.dojo.plan).toBe("basic");
    expect(await stripeSettingsActions.disconnectStripeAccount({})).toMatchObject({ ok: false, error: expect.stringContaining("Ultimate plan") });
    expect((await planOf(old.dojoId)).plan).toBe("ultimate");
    signInAsMember(member);
    expect(await memberCardActions.openMemberCheckoutAction({ invoiceId: randomUUID() })).toEqual({ ok: false, error: "This is not available for your dojo." });
  });
});

describe("choosing a plan through Checkout", () => {
  const sessionIdOf = (clientSecret: string) => clientSecret.slice(0, clientSecret.indexOf("_secret_"));

  it("after the trial the dojo subscribes in subscription mode, then replaces its card in setup mode", async () => {
    const db = await getDb();
    const signed = await signUpDojo(db, signupSchema.parse({ dojoName: "Late Dojo", slug: `late-${Date.now()}`, currency: "eur", ownerName: "Lee Late", email: `late-${Date.now()}@example.test`, password: "long enough password" }), new Date(Date.now() - 20 * DAY * 1000));
    signInAsStaff(await ownerOf(signed.ownerId));
    expect((await getStaffSession())?.dojo.plan).toBe("basic");

    const opened = await openSubscribeCheckoutAction({ plan: "pro", interval: "year" });
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.data.publishableKey).toBe(process.env.PLATFORM_STRIPE_PUBLISHABLE_KEY);
    const sessionId = sessionIdOf(opened.data.clientSecret);
    // Another dojo cannot claim this session.
    const intruder = await signedInDojo({ plan: "pro" });
    expect(await confirmPlanCheckoutAction({ sessionId })).toMatchObject({ ok: false });
    signInAsStaff(await ownerOf(signed.ownerId));
    expect(await confirmPlanCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { kind: "pending" } });

    expect((await submitCheckoutForm(sessionId, { card_number: "4242424242424242" }, { embedded: true })).status).toBeLessThan(400);
    expect(await confirmPlanCheckoutAction({ sessionId })).toMatchObject({ ok: true, data: { kind: "subscribed", plan: "pro" } });
    expect(await getStaffSession()).toMatchObject({ dojo: { plan: "pro" } });
    const { billing } = await planOf(signed.dojoId);
    expect(billing).toMatchObject({ interval: "year", subscriptionStatus: "active" });
    expect(await openSubscribeCheckoutAction({ plan: "ultimate", interval: "year" })).toMatchObject({ ok: false, error: expect.stringContaining("already has a plan") });

    const history = await platformInvoices(db, signed.dojoId);
    expect(history).toEqual([expect.objectContaining({ amount: PLAN_PRICES.pro.year, currency: "EUR", status: "paid", hostedUrl: expect.stringContaining("/i/") })]);
    expect(await platformInvoices(db, intruder.dojo.id)).toEqual([]);

    const card = await openCardCheckoutAction({});
    if (!card.ok) throw new Error(card.error);
    const cardSession = sessionIdOf(card.data.clientSecret);
    await submitCheckoutForm(cardSession, { card_number: "4000000000000341" }, { embedded: true });
    expect(await confirmPlanCheckoutAction({ sessionId: cardSession })).toMatchObject({ ok: true, data: { kind: "card" } });
    const stripe = platformStripe();
    const sub = await stripe.subscriptions.retrieve(billing!.stripeSubscriptionId!, { expand: ["default_payment_method"] });
    expect((sub.default_payment_method as Stripe.PaymentMethod).card?.last4).toBe("0341");
  });
});

describe("choosing a plan during the trial keeps the trial", () => {
  const sessionIdOf = (clientSecret: string) => clientSecret.slice(0, clientSecret.indexOf("_secret_"));

  /** A dojo signed up `daysAgo` days ago whose platform customer lives on a test clock frozen now. */
  async function trialDojo(slug: string, daysAgo: number) {
    const db = await getDb();
    const signedUpAt = new Date(Date.now() - daysAgo * DAY * 1000);
    const signed = await signUpDojo(db, signupSchema.parse({ dojoName: "Trial Choice Dojo", slug, currency: "eur", ownerName: "Tom Trial", email: `${slug}@example.test`, password: "long enough password" }), signedUpAt);
    const stripe = platformStripe();
    const now = Math.floor(Date.now() / 1000);
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: now });
    const customer = await stripe.customers.create({ name: "Trial Choice Dojo", test_clock: clock.id, metadata: { tatami_dojo_id: signed.dojoId } });
    await db.update(dojoBilling).set({ stripeCustomerId: customer.id }).where(eq(dojoBilling.dojoId, signed.dojoId));
    signInAsStaff(await ownerOf(signed.ownerId));
    const trialEnd = Math.floor((await planOf(signed.dojoId)).billing!.trialEndsAt!.getTime() / 1000);
    return { ...signed, stripe, clock: clock.id, customer: customer.id, now, trialEnd };
  }

  it("Basic chosen on day 3: Ultimate until day 14, the card saved now and charged then", async () => {
    const { dojoId, stripe, clock, customer, now, trialEnd } = await trialDojo(`trial-basic-${Date.now()}`, 3);
    expect(trialEnd - now).toBeGreaterThan(10.9 * DAY);

    const opened = await openSubscribeCheckoutAction({ plan: "basic", interval: "month" });
    if (!opened.ok) throw new Error(opened.error);
    const sessionId = sessionIdOf(opened.data.clientSecret);
    expect(await platformStripe().checkout.sessions.retrieve(sessionId)).toMatchObject({ mode: "subscription" });
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" }, { embedded: true });
    const confirmed = await confirmPlanCheckoutAction({ sessionId });
    expect(confirmed).toEqual({ ok: true, data: { kind: "scheduled", plan: "basic", startsAt: new Date(trialEnd * 1000) } });

    // Day 3: still Ultimate, Basic waits for the trial's end, nothing charged.
    expect((await getStaffSession())?.dojo.plan).toBe("ultimate");
    const scheduled = await planOf(dojoId);
    expect(scheduled).toMatchObject({ plan: "ultimate", billing: { subscriptionStatus: "trialing", pendingPlan: "basic", pendingPlanAt: new Date(trialEnd * 1000) } });
    expect(trialState(scheduled.billing, new Date(now * 1000))).toMatchObject({ kind: "scheduled", plan: "basic", daysLeft: 11 });
    // Even should the webhook be late, the date decides.
    expect(effectivePlan(scheduled.plan, scheduled.billing, new Date((trialEnd - 60) * 1000))).toBe("ultimate");
    expect(effectivePlan(scheduled.plan, scheduled.billing, new Date((trialEnd + 1) * 1000))).toBe("basic");
    const charged = async () => (await stripe.invoices.list({ customer })).data.map((i) => i.amount_paid);
    expect(await charged()).toEqual([0]);
    const sub = await stripe.subscriptions.retrieve(scheduled.billing!.stripeSubscriptionId!);
    expect(sub).toMatchObject({ status: "trialing", trial_end: trialEnd, default_payment_method: expect.stringMatching(/^pm_/) });

    // Day 13: still Ultimate.
    await advanceClock(stripe, clock, trialEnd - DAY);
    await deliverPlatformEvents(stripe, customer, sub.id);
    expect((await planOf(dojoId)).plan).toBe("ultimate");
    expect(await charged()).toEqual([0]);

    // Day 14: Stripe ends the trial and charges Basic; the webhook applies it.
    await advanceClock(stripe, clock, trialEnd + 2 * 3600);
    await deliverPlatformEvents(stripe, customer, sub.id);
    const after = await planOf(dojoId);
    expect(after).toMatchObject({ plan: "basic", billing: { subscriptionStatus: "active", pendingPlan: null, currentPeriodStart: new Date(trialEnd * 1000) } });
    expect(await charged()).toEqual([PLAN_PRICES.basic.month, 0]);
    expect((await getStaffSession())?.dojo.plan).toBe("basic");
  });

  it("in the trial's last 48 hours (too late for Checkout's trial_end) the card is saved and the subscription starts trialing until the end", async () => {
    const { dojoId, stripe, customer, trialEnd } = await trialDojo(`trial-late-${Date.now()}`, 12.5);
    const opened = await openSubscribeCheckoutAction({ plan: "pro", interval: "year" });
    if (!opened.ok) throw new Error(opened.error);
    const sessionId = sessionIdOf(opened.data.clientSecret);
    expect(await stripe.checkout.sessions.retrieve(sessionId)).toMatchObject({ mode: "setup" });
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" }, { embedded: true });
    const confirmed = await confirmPlanCheckoutAction({ sessionId });
    expect(confirmed).toEqual({ ok: true, data: { kind: "scheduled", plan: "pro", startsAt: new Date(trialEnd * 1000) } });
    // Confirming again (a second tab, a retry) makes no second subscription.
    expect(await confirmPlanCheckoutAction({ sessionId })).toMatchObject({ ok: true });
    expect((await stripe.subscriptions.list({ customer })).data).toHaveLength(1);
    expect(await planOf(dojoId)).toMatchObject({ plan: "ultimate", billing: { subscriptionStatus: "trialing", pendingPlan: "pro", interval: "year" } });
    expect((await stripe.invoices.list({ customer })).data.map((i) => i.amount_paid)).toEqual([0]);
  });
});

describe("downgrade", () => {
  it("is scheduled for the end of the period and applies when the renewal arrives by webhook", async () => {
    // A clock starting now: the period end lies in the future, so only the webhook can apply it.
    const start = Math.floor(Date.now() / 1000);
    const { dojo, user } = await signedInDojo({ plan: "ultimate" });
    const db = await getDb();
    const stripe = platformStripe();
    const { clock, customer, subscription } = await subscribeOnClock(db, stripe, dojo, { plan: "ultimate", interval: "month", start, now: start + 5 * DAY });
    const periodEnd = subscription.items.data[0].current_period_end;

    const scheduled = await scheduleDowngradeAction({ plan: "pro" });
    expect(scheduled).toMatchObject({ ok: true, data: { effectiveAt: new Date(periodEnd * 1000) } });
    signInAsStaff(user);
    expect((await planOf(dojo.id)).billing).toMatchObject({ pendingPlan: "pro" });
    expect((await getStaffSession())?.dojo.plan).toBe("ultimate");
    expect(await upgradePlanAction({ plan: "ultimate", prorationDate: start + 5 * DAY })).toMatchObject({ ok: false });

    await advanceClock(stripe, clock, periodEnd + 2 * 3600);
    await deliverPlatformEvents(stripe, customer, subscription.id);

    const after = await planOf(dojo.id);
    expect(after.plan).toBe("pro");
    expect(after.billing).toMatchObject({ pendingPlan: null, currentPeriodStart: new Date(periodEnd * 1000) });
    const renewal = (await stripe.invoices.list({ customer })).data.find((i) => i.billing_reason === "subscription_cycle");
    expect(renewal).toMatchObject({ status: "paid", amount_paid: PLAN_PRICES.pro.month });
  });
});

describe("plan changes in quick succession", () => {
  it("downgrade, keep, downgrade again on one day: Stripe bills the plan the database shows", async () => {
    const start = Math.floor(Date.now() / 1000);
    const { dojo } = await signedInDojo({ plan: "ultimate" });
    const db = await getDb();
    const stripe = platformStripe();
    const { subscription } = await subscribeOnClock(db, stripe, dojo, { plan: "ultimate", interval: "month", start, now: start + 5 * DAY });
    const priceNow = async () => (await stripe.subscriptions.retrieve(subscription.id)).items.data[0].price.metadata.tatami_plan;

    expect(await scheduleDowngradeAction({ plan: "pro" })).toMatchObject({ ok: true });
    expect(await priceNow()).toBe("pro");
    expect(await cancelScheduledChangeAction({})).toMatchObject({ ok: true });
    expect(await priceNow()).toBe("ultimate");
    expect(await scheduleDowngradeAction({ plan: "pro" })).toMatchObject({ ok: true });
    expect((await planOf(dojo.id)).billing).toMatchObject({ pendingPlan: "pro" });
    // A new request is a new Stripe call, not a replay of the first downgrade's answer.
    expect(await priceNow()).toBe("pro");
    expect(await cancelScheduledChangeAction({})).toMatchObject({ ok: true });
    expect(await priceNow()).toBe("ultimate");
    expect((await planOf(dojo.id)).billing).toMatchObject({ pendingPlan: null });
  });
});

/** What Stripe would have POSTed to /api/platform/webhook for this customer, signed with the platform secret. */
async function deliverPlatformEvents(stripe: Stripe, customer: string, subscriptionId: string) {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) {
    const object = event.data.object as { customer?: string; id?: string };
    if (object.customer === customer || object.id === subscriptionId) events.push(event);
    if (events.length > 60) break;
  }
  const results = [];
  for (const event of events.reverse()) {
    const payload = JSON.stringify(event);
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: process.env.PLATFORM_STRIPE_WEBHOOK_SECRET! });
    const reply = await receivePlatformWebhook(payload, header);
    expect(reply.status).toBe(200);
    results.push(reply.body.result);
  }
  // Twice: every event a second time is recognised as already handled.
  const again = events[events.length - 1];
  const payload = JSON.stringify(again);
  const reply = await receivePlatformWebhook(payload, stripe.webhooks.generateTestHeaderString({ payload, secret: process.env.PLATFORM_STRIPE_WEBHOOK_SECRET! }));
  expect(reply.body.result).toBe("duplicate");
  expect(await receivePlatformWebhook(payload, "t=1,v1=forged")).toMatchObject({ status: 400 });
  return results;
}
