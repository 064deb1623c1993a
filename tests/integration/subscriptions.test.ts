import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { invoiceLines, invoices, ledgerEntries, memberSubscriptions, members, payments, subscriptionPlans } from "@/db/schema";
import { archivePlanAction, createPlanAction, importPlansAction, listStripePricesAction } from "@/app/(staff)/members/plans/actions";
import { payMemberSubscriptionInvoiceAction } from "@/app/portal/(member)/subscription-actions";
import { cancelSubscriptionAction, setCustomerIdAction, subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { advanceClock, customerWithCard, DAY, JAN_1_2026 } from "@tatami/stripe-emulator/billing-support";
import { answerThreeDSecure, newSecretKey, stripeClient } from "@tatami/stripe-emulator/test-support";
import { payCardLinkInvoiceAction, settleCardLinkInvoiceAction } from "@/app/card/[token]/actions";
import { dispatchEvent } from "@/lib/stripe/webhooks/dispatch";
import { dojoWithStripe, inboxFor, type InboxMail } from "../support/card-payment";
import { pdfText } from "../support/pdf-text";
import { createMember, createStaff, signInAsMember, signInAsStaff } from "../support/factories";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));

const FEB_1_2026 = JAN_1_2026 + 31 * DAY;

async function monthlyPlan() {
  const created = await createPlanAction({ name: "Judo monthly", amount: "45.00", interval: "month", intervalCount: 1, attempt: randomUUID() });
  if (!created.ok) throw new Error(created.error);
  return created.data.id;
}

/** A member linked to a customer on a test clock, whose default card is `card`; subscribed to a monthly plan. */
async function subscribedMember(card = "pm_card_visa", opts: { setUp?: boolean } = {}) {
  const ctx = await dojoWithStripe();
  const clock = await ctx.stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
  const { customer } = await customerWithCard(ctx.stripe, card, { clock: clock.id, setUp: opts.setUp });
  const member = await createMember(ctx.dojo.id);
  expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toEqual({ ok: true, data: { customerId: customer.id } });
  const planId = await monthlyPlan();
  const subscribed = await subscribeAction({ memberId: member.id, planId, attempt: randomUUID() });
  if (!subscribed.ok) throw new Error(subscribed.error);
  return { ...ctx, clock, customer, member, planId, subscribed: subscribed.data };
}

async function memberBooks(memberId: string) {
  const db = await getDb();
  const rows = await db.select().from(invoices).where(eq(invoices.memberId, memberId)).orderBy(invoices.issueDate);
  const pays = await db.select().from(payments).innerJoin(invoices, eq(invoices.id, payments.invoiceId)).where(eq(invoices.memberId, memberId));
  const revenue = await db
    .select()
    .from(ledgerEntries)
    .innerJoin(invoices, eq(invoices.id, ledgerEntries.invoiceId))
    .where(and(eq(invoices.memberId, memberId), eq(ledgerEntries.kind, "revenue")));
  const subs = await db.select().from(memberSubscriptions).where(eq(memberSubscriptions.memberId, memberId));
  return { invoices: rows, payments: pays.map((p) => p.payments), revenue: revenue.map((r) => r.ledger_entries), subs };
}

async function eventsOf(stripe: Stripe, types: string[]): Promise<Stripe.Event[]> {
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) if (types.includes(event.type)) events.push(event);
  return events.reverse();
}

/** The receipt carries exactly one PDF: the paid subscription invoice with its card payment, nothing open. */
async function expectInvoicePdf(mail: InboxMail, number: string) {
  expect(mail.attachments.map((a) => a.filename)).toEqual([`invoice-${number}.pdf`]);
  const text = await pdfText(Buffer.from(mail.attachments[0].content, "base64"));
  expect(text).toContain(`Invoice ${number}`);
  expect(text).toMatch(/Paid \d{1,2} \w{3} \d{4} · Card - ?€45\.00/);
  expect(text).toContain("Open amount €0.00");
}

const RECURRING_EVENTS = ["invoice.paid", "invoice.payment_failed", "invoice.payment_action_required", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"];

describe("subscribing a member", () => {
  it("charges the default card at once: one paid subscription invoice and one revenue entry", async () => {
    const { member, subscribed } = await subscribedMember();
    expect(subscribed.firstPayment).toBe("paid");
    const books = await memberBooks(member.id);
    expect(books.invoices).toHaveLength(1);
    expect(books.invoices[0]).toMatchObject({ status: "paid", source: "subscription", totalMinor: 4500, paidMinor: 4500, currency: "EUR" });
    expect(books.invoices[0].number).toMatch(/^2026-\d{4}$/);
    expect(books.payments).toHaveLength(1);
    expect(books.revenue).toHaveLength(1);
    expect(books.subs[0]).toMatchObject({ status: "active", latestAmountMinor: 4500, cancelAtPeriodEnd: false });
    const db = await getDb();
    const lines = await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, books.invoices[0].id));
    expect(lines).toMatchObject([{ quantity: 1, amountMinor: 4500, description: expect.stringContaining("Judo monthly") }]);
    // The first payment gets a receipt like any card payment, naming the card Stripe charged.
    const receipts = (await inboxFor(member.email!)).filter((m) => m.subject.startsWith("Receipt:"));
    expect(receipts.map((m) => m.subject)).toEqual([`Receipt: €45.00 for invoice ${books.invoices[0].number}`]);
    expect(receipts[0].text).toContain("Visa •••• 4242");
    // With the invoice as a PDF, the payment on it.
    await expectInvoicePdf(receipts[0], books.invoices[0].number!);
  });

  it("charges off-session: a card saved with 3-D Secure for later payments is not asked again while the member is away", async () => {
    const { member, subscribed, stripe } = await subscribedMember("pm_card_authenticationRequiredOnSetup", { setUp: true });
    expect(subscribed.firstPayment).toBe("paid");
    const books = await memberBooks(member.id);
    expect(books.invoices[0]).toMatchObject({ status: "paid", paidMinor: 4500 });
    expect(books.subs[0]).toMatchObject({ status: "active" });
    expect((await stripe.subscriptions.retrieve(books.subs[0].stripeSubscriptionId)).status).toBe("active");
  });

  it("refuses a member without a saved card", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const customer = await stripe.customers.create({ name: "No card" });
    const member = await createMember(dojo.id);
    await setCustomerIdAction({ memberId: member.id, customerId: customer.id });
    const planId = await monthlyPlan();
    expect(await subscribeAction({ memberId: member.id, planId, attempt: randomUUID() })).toEqual({
      ok: false,
      error: "This member has no saved card. Add a card (or send the card link) before subscribing.",
    });
  });
});

describe("renewals from webhooks", () => {
  it("turns events delivered twice and out of order into one invoice and one revenue entry per period", async () => {
    const { stripe, dojo, clock, member } = await subscribedMember();
    await advanceClock(stripe, clock.id, FEB_1_2026 + 2 * 3600);
    const events = await eventsOf(stripe, RECURRING_EVENTS);
    expect(events.filter((e) => e.type === "invoice.paid")).toHaveLength(2);
    const db = await getDb();
    // Newest first, then everything again: the renewal's invoice.paid comes before its subscription update.
    for (const event of [...events].reverse()) await dispatchEvent(db, dojo.id, stripe, event);
    for (const event of events) expect(await dispatchEvent(db, dojo.id, stripe, event)).toBe("duplicate");
    // A redelivery under a new event id (as after an endpoint re-creation) must not add anything either.
    for (const event of events) await dispatchEvent(db, dojo.id, stripe, { ...event, id: `${event.id}_again` });

    const books = await memberBooks(member.id);
    expect(books.invoices.map((i) => [i.status, i.issueDate])).toEqual([
      ["paid", "2026-01-01"],
      ["paid", "2026-02-01"],
    ]);
    expect(books.payments).toHaveLength(2);
    expect(books.revenue).toHaveLength(2);
    expect(new Set(books.invoices.map((i) => i.stripeInvoiceId)).size).toBe(2);
    expect(books.subs).toHaveLength(1);
    expect(books.subs[0].currentPeriodEnd?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
    // One receipt per paid period, however often its events came.
    const receipts = (await inboxFor(member.email!)).filter((m) => m.subject.startsWith("Receipt:"));
    expect(receipts.map((m) => m.subject).sort()).toEqual(books.invoices.map((i) => `Receipt: €45.00 for invoice ${i.number}`).sort());
    // The renewal's receipt carries its own invoice as a PDF, like the first payment's.
    for (const invoice of books.invoices) await expectInvoicePdf(receipts.find((m) => m.subject.endsWith(invoice.number!))!, invoice.number!);
  });

  it("leaves a declined renewal open, mails the member once, and a later payment updates that same invoice", async () => {
    const { stripe, dojo, clock, member, customer } = await subscribedMember("pm_card_visa");
    // The card starts failing before the renewal.
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
    const sub = (await stripe.subscriptions.list({ customer: customer.id })).data[0];
    await advanceClock(stripe, clock.id, FEB_1_2026 + 2 * 3600);
    const db = await getDb();
    const events = await eventsOf(stripe, RECURRING_EVENTS);
    for (const event of events) await dispatchEvent(db, dojo.id, stripe, event);
    for (const event of events) await dispatchEvent(db, dojo.id, stripe, { ...event, id: `${event.id}_again` });

    let books = await memberBooks(member.id);
    expect(books.invoices.map((i) => i.status)).toEqual(["paid", "open"]);
    expect(books.revenue).toHaveLength(1);
    expect(books.subs[0].status).toBe("past_due");
    const mails = (await inboxFor(member.email!)).filter((m) => m.subject.includes("did not go through"));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain(`/card/`);
    expect(mails[0].text).toContain(`?invoice=${books.invoices[1].id}`);

    // The member pays with a working card: Stripe's invoice is paid, ours follows, no second invoice.
    const good = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const renewal = (await stripe.invoices.list({ subscription: sub.id, status: "open" })).data[0];
    await stripe.invoices.pay(renewal.id, { payment_method: good.id });
    for (const event of await eventsOf(stripe, ["invoice.paid"])) await dispatchEvent(db, dojo.id, stripe, event);
    books = await memberBooks(member.id);
    expect(books.invoices.map((i) => i.status)).toEqual(["paid", "paid"]);
    expect(books.revenue).toHaveLength(2);
  });

  it("follows cancellation at period end and cancel now", async () => {
    const { member, subscribed } = await subscribedMember();
    expect(await cancelSubscriptionAction({ subscriptionId: subscribed.subscriptionId, when: "period_end", memberId: member.id })).toMatchObject({ ok: true });
    expect((await memberBooks(member.id)).subs[0]).toMatchObject({ status: "active", cancelAtPeriodEnd: true });
    expect(await cancelSubscriptionAction({ subscriptionId: subscribed.subscriptionId, when: "now", memberId: member.id })).toMatchObject({ ok: true });
    expect((await memberBooks(member.id)).subs[0]).toMatchObject({ status: "canceled" });
  });
});

describe("PSD2: a payment that needs the card holder", () => {
  it("mails the member a link; once they authenticate, the invoice is paid with one revenue entry", async () => {
    const { member, subscribed, stripe, dojo } = await subscribedMember("pm_card_authenticationRequired");
    expect(subscribed.firstPayment).toBe("action_required");
    let books = await memberBooks(member.id);
    expect(books.invoices.map((i) => i.status)).toEqual(["open"]);
    expect(books.subs[0].status).toBe("incomplete");
    const mail = (await inboxFor(member.email!)).find((m) => m.subject.startsWith("Please confirm your payment"));
    expect(mail).toBeDefined();
    const url = mail!.text.match(/https?:\/\/\S+\/card\/[^\s?]+\?invoice=[0-9a-f-]+/)![0];
    const token = url.split("/card/")[1].split("?")[0];
    const invoiceId = url.split("invoice=")[1];
    expect(invoiceId).toBe(books.invoices[0].id);

    const pay = await payCardLinkInvoiceAction({ token, invoiceId });
    if (!pay.ok || pay.data.status !== "requires_action") throw new Error(`expected requires_action, got ${JSON.stringify(pay)}`);
    // Settling before the bank's answer changes nothing.
    expect(await settleCardLinkInvoiceAction({ token, invoiceId })).toEqual({ ok: true, data: { paid: false } });
    await answerThreeDSecure(pay.data.clientSecret.split("_secret_")[0], "complete");
    expect(await settleCardLinkInvoiceAction({ token, invoiceId })).toEqual({ ok: true, data: { paid: true } });
    // The webhooks arriving afterwards find everything done.
    const db = await getDb();
    for (const event of await eventsOf(stripe, RECURRING_EVENTS)) await dispatchEvent(db, dojo.id, stripe, event);
    books = await memberBooks(member.id);
    expect(books.invoices.map((i) => i.status)).toEqual(["paid"]);
    expect(books.revenue).toHaveLength(1);
    expect(books.subs[0].status).toBe("active");
  });
});

describe("Set customer ID", () => {
  it("refuses a customer of another Stripe account and one linked to another member", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const elsewhere = await stripeClient(newSecretKey("other")).customers.create({ name: "Elsewhere" });
    const member = await createMember(dojo.id);
    expect(await setCustomerIdAction({ memberId: member.id, customerId: elsewhere.id })).toEqual({
      ok: false,
      error: `No customer ${elsewhere.id} exists in this dojo's Stripe account. Check the ID in the Stripe dashboard.`,
      fieldErrors: { customerId: [`No customer ${elsewhere.id} exists in this dojo's Stripe account. Check the ID in the Stripe dashboard.`] },
    });

    const shared = await stripe.customers.create({ name: "Shared" });
    const first = await createMember(dojo.id, { firstName: "Aiko", lastName: "Tanaka" });
    expect(await setCustomerIdAction({ memberId: first.id, customerId: shared.id })).toMatchObject({ ok: true });
    const refused = await setCustomerIdAction({ memberId: member.id, customerId: shared.id });
    expect(refused).toMatchObject({ ok: false, error: `Customer ${shared.id} is already linked to Aiko Tanaka.` });
    const db = await getDb();
    const [row] = await db.select({ customer: members.stripeCustomerId }).from(members).where(eq(members.id, member.id));
    expect(row.customer).toBeNull();
    expect(await setCustomerIdAction({ memberId: member.id, customerId: "not-a-customer" })).toMatchObject({ ok: false, fieldErrors: { customerId: [expect.stringContaining("cus_")] } });
  });
});

describe("plans", () => {
  it("lists the account's recurring prices to choose from and imports only the chosen ones, once; archived plans take no subscribers", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    expect(await listStripePricesAction({})).toEqual({ ok: true, data: [] });
    const product = await stripe.products.create({ name: "Karate kids" });
    const kids = await stripe.prices.create({ product: product.id, currency: "eur", unit_amount: 3000, recurring: { interval: "month", interval_count: 3 } });
    const adults = await stripe.prices.create({ product: product.id, nickname: "Karate adults", currency: "eur", unit_amount: 5000, recurring: { interval: "year" } });
    const dollars = await stripe.prices.create({ product: product.id, currency: "usd", unit_amount: 3000, recurring: { interval: "month" } });
    const oneTime = await stripe.prices.create({ product: product.id, currency: "eur", unit_amount: 900 });
    const ownPlan = await monthlyPlan();
    const db = await getDb();
    const [own] = await db.select().from(subscriptionPlans).where(eq(subscriptionPlans.id, ownPlan));

    const listed = await listStripePricesAction({});
    if (!listed.ok) throw new Error(listed.error);
    expect(listed.data.map((c) => [c.priceId, c.state])).toEqual([
      [adults.id, "available"],
      [kids.id, "available"],
      [own.stripePriceId, "imported"],
      [dollars.id, "unsupported"],
    ]);
    expect(listed.data.find((c) => c.priceId === dollars.id)?.reason).toBe("In USD; your Stripe currency is EUR.");
    expect(listed.data.some((c) => c.priceId === oneTime.id)).toBe(false);

    expect(await importPlansAction({ priceIds: [] })).toMatchObject({ ok: false, fieldErrors: { priceIds: ["Choose at least one price to import."] } });
    // A price that cannot be imported refuses the whole import: nothing half done.
    expect(await importPlansAction({ priceIds: [kids.id, dollars.id] })).toEqual({ ok: false, error: "Karate kids cannot be imported: In USD; your Stripe currency is EUR." });
    expect(await importPlansAction({ priceIds: [kids.id, oneTime.id] })).toMatchObject({ ok: false, error: expect.stringContaining("no longer an active recurring price") });
    expect(await db.select().from(subscriptionPlans).where(eq(subscriptionPlans.dojoId, dojo.id))).toHaveLength(1);

    expect(await importPlansAction({ priceIds: [kids.id] })).toEqual({ ok: true, data: { imported: 1, skipped: 0 } });
    expect(await importPlansAction({ priceIds: [kids.id, own.stripePriceId] })).toEqual({ ok: true, data: { imported: 0, skipped: 2 } });
    const plans = await db.select().from(subscriptionPlans).where(eq(subscriptionPlans.dojoId, dojo.id));
    expect(plans.map((p) => [p.name, p.amountMinor, p.interval, p.intervalCount]).sort()).toEqual([
      ["Judo monthly", 4500, "month", 1],
      ["Karate kids", 3000, "month", 3],
    ]);
    const after = await listStripePricesAction({});
    expect(after.ok && after.data.find((c) => c.priceId === kids.id)?.state).toBe("imported");
    expect(after.ok && after.data.find((c) => c.priceId === adults.id)?.state).toBe("available");

    expect(await archivePlanAction({ planId: ownPlan, archived: true })).toMatchObject({ ok: true });
    const member = await createMember(dojo.id);
    const { customer } = await customerWithCard(stripe, "pm_card_visa");
    await setCustomerIdAction({ memberId: member.id, customerId: customer.id });
    expect(await subscribeAction({ memberId: member.id, planId: ownPlan, attempt: randomUUID() })).toEqual({ ok: false, error: "This plan is archived. Choose another plan." });
  });

  it("lets owners and managers make plans, not the staff role", async () => {
    const { dojo } = await dojoWithStripe();
    signInAsStaff(await createStaff(dojo.id, "staff"));
    expect(await createPlanAction({ name: "Judo", amount: "45.00", interval: "month", intervalCount: 1, attempt: randomUUID() })).toEqual({ ok: false, error: "Your role does not allow this." });
    signInAsStaff(await createStaff(dojo.id, "manager"));
    expect(await createPlanAction({ name: "Judo", amount: "45.00", interval: "month", intervalCount: 1, attempt: randomUUID() })).toMatchObject({ ok: true });
  });

  it("refuses a plan amount that is not money", async () => {
    await dojoWithStripe();
    expect(await createPlanAction({ name: "Bad", amount: "lots", interval: "month", intervalCount: 1, attempt: randomUUID() })).toMatchObject({ ok: false, fieldErrors: { amount: [expect.any(String)] } });
  });
});

describe("members area", () => {
  it("lets a member pay only their own subscription invoices", async () => {
    const { dojo, subscribed } = await subscribedMember("pm_card_chargeCustomerFail");
    expect(subscribed.firstPayment).toBe("failed");
    const other = await createMember(dojo.id);
    signInAsMember(other);
    expect(await payMemberSubscriptionInvoiceAction({ invoiceId: subscribed.invoiceId! })).toEqual({ ok: false, error: "Invoice was not found." });
  });
});
