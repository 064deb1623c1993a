import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { invoices, ledgerEntries, payments } from "@/db/schema";
import { createPlanAction } from "@/app/(staff)/members/plans/actions";
import { completeCardSetupAction, openCardSetupAction, setCustomerIdAction, subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { savePaymentMethods } from "@/app/(staff)/settings/stripe/actions";
import { advanceClock, DAY, JAN_1_2026 } from "@tatami/stripe-emulator/billing-support";
import { TEST_IBANS, control, submitBankMethod } from "@tatami/stripe-emulator/test-support";
import { pendingDelayedPayment } from "@/lib/payments/card/delayed-checkout";
import { memberStripeOverview } from "@/lib/subscriptions/member-overview";
import { dojoWithStripe, inboxFor, sessionIdOf, webhookEvent } from "../support/card-payment";
import { deliverSignedEvent } from "../support/signed-event";
import { createMember } from "../support/factories";

vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.7" }) }));

// Issue 20, item 3: SEPA Direct Debit mandates for recurring payments. Setup mode offers SEPA when
// the dojo takes it; the saved account becomes the customer's default; subscriptions debit it, and
// a debit books nothing until it succeeds — once — or, returned, books nothing and tells the member
// and the owners.

const FEB_1_2026 = JAN_1_2026 + 31 * DAY;

async function memberWithMandate(iban: string = TEST_IBANS.succeeds) {
  const ctx = await dojoWithStripe();
  expect(await savePaymentMethods({ methods: ["sepa_debit"] })).toMatchObject({ ok: true });
  const clock = await ctx.stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
  const customer = await ctx.stripe.customers.create({ test_clock: clock.id });
  const member = await createMember(ctx.dojo.id, { language: "fr" });
  expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toMatchObject({ ok: true });
  const opened = await openCardSetupAction({ memberId: member.id });
  if (!opened.ok) throw new Error(opened.error);
  const sessionId = sessionIdOf(opened.data.clientSecret);
  expect((await submitBankMethod(sessionId, "sepa_debit", { iban }, { embedded: true })).status).toBe(303);
  const saved = await completeCardSetupAction({ memberId: member.id, sessionId });
  return { ...ctx, clock, customer, member, sessionId, saved };
}

async function monthlyPlan() {
  const created = await createPlanAction({ name: "Judo monthly", amount: "45.00", interval: "month", intervalCount: 1, attempt: randomUUID() });
  if (!created.ok) throw new Error(created.error);
  return created.data.id;
}

async function books(memberId: string) {
  const db = await getDb();
  const rows = await db.select().from(invoices).where(eq(invoices.memberId, memberId)).orderBy(invoices.issueDate, invoices.createdAt);
  const pays = await db.select({ p: payments }).from(payments).innerJoin(invoices, eq(invoices.id, payments.invoiceId)).where(eq(invoices.memberId, memberId));
  const revenue = await db
    .select({ e: ledgerEntries })
    .from(ledgerEntries)
    .innerJoin(invoices, eq(invoices.id, ledgerEntries.invoiceId))
    .where(and(eq(invoices.memberId, memberId), eq(ledgerEntries.kind, "revenue")));
  return { invoices: rows, payments: pays.map((r) => r.p), revenue: revenue.map((r) => r.e) };
}

async function deliver(dojoId: string, stripe: Stripe, type: string, objectId: string) {
  return deliverSignedEvent(dojoId, await webhookEvent(stripe, type, objectId));
}

async function invoicePaymentIntent(stripe: Stripe, invoiceId: string): Promise<string> {
  const invoice = await stripe.invoices.retrieve(invoiceId, { expand: ["payments"] });
  return invoice.payments!.data[0].payment.payment_intent as string;
}

describe("a SEPA mandate given in setup mode", () => {
  it("is offered when the dojo takes SEPA, becomes the default, and the mail names the account", async () => {
    const { stripe, dojo, customer, member, sessionId, saved } = await memberWithMandate();
    expect(saved).toEqual({ ok: true, data: { saved: true, method: "SEPA Direct Debit •••• 3000" } });
    const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["setup_intent"] });
    expect(session).toMatchObject({ mode: "setup", currency: "eur", allowed_payment_method_types: ["card", "sepa_debit"], locale: "fr" });
    const si = session.setup_intent as Stripe.SetupIntent;
    const after = (await stripe.customers.retrieve(customer.id)) as Stripe.Customer;
    expect(after.invoice_settings.default_payment_method).toBe(si.payment_method);

    // The member page's Stripe section: the account, its bank code and the mandate's date.
    const overview = await memberStripeOverview(await getDb(), dojo, member.id);
    if (!overview.connected) throw new Error("not connected");
    const mandate = await stripe.mandates.retrieve(si.mandate as string);
    expect(overview.cards).toEqual([
      expect.objectContaining({ kind: "sepa_debit", last4: "3000", bankCode: "37040044", isDefault: true, mandate: expect.objectContaining({ id: mandate.id, status: "active", acceptedAt: new Date(mandate.customer_acceptance.accepted_at! * 1000) }) }),
    ]);

    // In French, about a mandate, not a card.
    const mails = await inboxFor(member.email!);
    expect(mails.map((m) => m.subject)).toEqual([`Votre mandat de prélèvement SEPA est enregistré chez ${dojo.name}`]);
    expect(mails[0].text).toContain("SEPA Direct Debit •••• 3000");
    expect(mails[0].text).toContain("compte bancaire");
  });

  it("a card-only dojo (SEPA not enabled) offers cards only in setup mode", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const member = await createMember(dojo.id);
    const opened = await openCardSetupAction({ memberId: member.id });
    if (!opened.ok) throw new Error(opened.error);
    expect(await stripe.checkout.sessions.retrieve(sessionIdOf(opened.data.clientSecret))).toMatchObject({ allowed_payment_method_types: ["card"] });
  });
});

describe("subscriptions paid by SEPA Direct Debit", () => {
  it("book nothing while the debit processes (payment pending) and book once when it succeeds, at sign-up and at a renewal", async () => {
    const { stripe, dojo, clock, customer, member, secretKey } = await memberWithMandate();
    const planId = await monthlyPlan();
    const subscribed = await subscribeAction({ memberId: member.id, planId, attempt: randomUUID() });
    expect(subscribed).toMatchObject({ ok: true, data: { firstPayment: "processing" } });
    let state = await books(member.id);
    expect(state.invoices).toEqual([expect.objectContaining({ status: "open", paidMinor: 0, source: "subscription" })]);
    expect(state.payments).toEqual([]);
    expect(state.revenue).toEqual([]);
    const first = state.invoices[0];
    expect(await pendingDelayedPayment(await getDb(), dojo.id, first.id)).toEqual({ method: "sepa_debit", amountMinor: 4500, currency: "EUR" });

    await control("debits/settle", { apiKey: secretKey });
    expect(await deliver(dojo.id, stripe, "invoice.paid", first.stripeInvoiceId!)).toEqual({ status: 200, result: "processed" });
    // Twice: still one payment.
    expect((await deliverSignedEvent(dojo.id, await webhookEvent(stripe, "invoice.paid", first.stripeInvoiceId!))).status).toBe(200);
    state = await books(member.id);
    expect(state.invoices[0]).toMatchObject({ status: "paid", paidMinor: 4500 });
    expect(state.payments).toHaveLength(1);
    expect(state.revenue).toEqual([expect.objectContaining({ amountMinor: 4500 })]);
    expect(await pendingDelayedPayment(await getDb(), dojo.id, first.id)).toBeNull();

    // The renewal: Stripe debits the mandate; payment_intent.processing makes it pending here.
    await advanceClock(stripe, clock.id, FEB_1_2026 + 2 * 3600);
    const renewal = (await stripe.invoices.list({ customer: customer.id, limit: 1 })).data[0];
    expect(renewal).toMatchObject({ status: "open", billing_reason: "subscription_cycle" });
    const renewalPi = await invoicePaymentIntent(stripe, renewal.id!);
    expect(await deliver(dojo.id, stripe, "payment_intent.processing", renewalPi)).toEqual({ status: 200, result: "processed" });
    state = await books(member.id);
    expect(state.invoices).toHaveLength(2);
    expect(state.invoices[1]).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.payments).toHaveLength(1);
    expect(await pendingDelayedPayment(await getDb(), dojo.id, state.invoices[1].id)).toMatchObject({ method: "sepa_debit" });

    await control("debits/settle", { apiKey: secretKey });
    expect(await deliver(dojo.id, stripe, "invoice.paid", renewal.id!)).toEqual({ status: 200, result: "processed" });
    state = await books(member.id);
    expect(state.invoices.map((i) => i.status)).toEqual(["paid", "paid"]);
    expect(state.payments).toHaveLength(2);
    expect(state.revenue).toHaveLength(2);
  });

  it("a returned debit books nothing, ends the pending payment and mails the member and the owners", async () => {
    const { stripe, dojo, member, owner, secretKey } = await memberWithMandate(TEST_IBANS.fails);
    const planId = await monthlyPlan();
    const subscribed = await subscribeAction({ memberId: member.id, planId, attempt: randomUUID() });
    expect(subscribed).toMatchObject({ ok: true, data: { firstPayment: "processing" } });
    const [invoice] = (await books(member.id)).invoices;

    await control("debits/settle", { apiKey: secretKey });
    expect(await deliver(dojo.id, stripe, "invoice.payment_failed", invoice.stripeInvoiceId!)).toEqual({ status: 200, result: "processed" });
    expect((await deliver(dojo.id, stripe, "invoice.payment_failed", invoice.stripeInvoiceId!)).status).toBe(200);
    const state = await books(member.id);
    expect(state.invoices).toEqual([expect.objectContaining({ status: "open", paidMinor: 0 })]);
    expect(state.payments).toEqual([]);
    expect(state.revenue).toEqual([]);
    expect(await pendingDelayedPayment(await getDb(), dojo.id, invoice.id)).toBeNull();

    const memberMails = (await inboxFor(member.email!)).map((m) => m.subject);
    // The debit-failed mail (in French), once; not the card's "payment failed" mail besides.
    expect(memberMails.filter((s) => s.includes("45,00"))).toHaveLength(1);
    expect(memberMails.some((s) => /carte/i.test(s) && !/mandat/i.test(s))).toBe(false);
    expect((await inboxFor(owner.email)).filter((m) => m.subject.startsWith("SEPA Direct Debit payment failed: €45.00"))).toHaveLength(1);
  });
});
