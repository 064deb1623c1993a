import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invoiceLines, invoices, ledgerEntries, memberSubscriptions } from "@/db/schema";
import { createPlanAction } from "@/app/(staff)/members/plans/actions";
import { addSubscriptionFeeAction, removeSubscriptionFeeAction, setCustomerIdAction, subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { advanceClock, customerWithCard, DAY, JAN_1_2026 } from "@tatami/stripe-emulator/billing-support";
import { dojoWithStripe } from "../support/card-payment";
import { createMember } from "../support/factories";
import { memberSubscribedOnClock } from "../support/member-subscription";
import { allEvents, deliverEvents } from "../support/money";

const FEB_1 = JAN_1_2026 + 31 * DAY;

async function memberOnClock(dojoId: string, stripe: Awaited<ReturnType<typeof dojoWithStripe>>["stripe"]) {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
  const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
  const member = await createMember(dojoId);
  expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toMatchObject({ ok: true });
  return { clock, customer, member };
}

async function booked(dojoId: string, memberId: string) {
  const db = await getDb();
  const rows = await db.select().from(invoices).where(and(eq(invoices.dojoId, dojoId), eq(invoices.memberId, memberId))).orderBy(asc(invoices.createdAt));
  return Promise.all(
    rows.map(async (invoice) => ({
      invoice,
      lines: (await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoice.id)).orderBy(asc(invoiceLines.position))).map((l) => [l.description, l.amountMinor]),
      revenue: (await db.select().from(ledgerEntries).where(eq(ledgerEntries.invoiceId, invoice.id))).map((e) => e.amountMinor),
    })),
  );
}

describe("sign-up fees on plans", () => {
  it("with a 30-day trial: nothing on day 0, fee + first month on day 30, one paid invoice and its revenue", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { clock, customer, member } = await memberOnClock(dojo.id, stripe);
    const plan = await createPlanAction({ name: "Judo monthly", amount: "45.00", interval: "month", intervalCount: 1, trialDays: "30", signupFee: "30.00", attempt: randomUUID() });
    if (!plan.ok) throw new Error(plan.error);

    expect(await subscribeAction({ memberId: member.id, planId: plan.data.id, attempt: randomUUID() })).toMatchObject({ ok: true, data: { firstPayment: "none", invoiceId: null } });
    expect((await stripe.paymentIntents.list({ customer: customer.id })).data).toEqual([]);
    expect(await booked(dojo.id, member.id)).toEqual([]);

    await advanceClock(stripe, clock.id, JAN_1_2026 + 30 * DAY + 2 * 3600);
    await deliverEvents(dojo.id, await allEvents(stripe));
    const [first, ...more] = await booked(dojo.id, member.id);
    expect(more).toEqual([]);
    expect(first.invoice).toMatchObject({ status: "paid", totalMinor: 7500, source: "subscription" });
    expect(first.lines).toContainEqual(["Judo monthly sign-up fee", 3000]);
    expect(first.lines.reduce((sum, [, amount]) => sum + (amount as number), 0)).toBe(7500);
    expect(first.revenue).toEqual([7500]);
  });

  it("without a trial: the fee is on the first invoice, charged at once with the first month; renewals are the plan's price only", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { clock, member } = await memberOnClock(dojo.id, stripe);
    const plan = await createPlanAction({ name: "Karate monthly", amount: "45.00", interval: "month", intervalCount: 1, signupFee: "20", attempt: randomUUID() });
    if (!plan.ok) throw new Error(plan.error);
    expect(await subscribeAction({ memberId: member.id, planId: plan.data.id, attempt: randomUUID() })).toMatchObject({ ok: true, data: { firstPayment: "paid" } });
    await advanceClock(stripe, clock.id, FEB_1 + 2 * 3600);
    await deliverEvents(dojo.id, await allEvents(stripe));
    const [first, renewal] = await booked(dojo.id, member.id);
    expect(first.invoice).toMatchObject({ status: "paid", totalMinor: 6500 });
    expect(first.lines).toContainEqual(["Karate monthly sign-up fee", 2000]);
    expect(first.revenue).toEqual([6500]);
    expect(renewal.invoice).toMatchObject({ status: "paid", totalMinor: 4500 });
  });

  it("refuses a fee that is not an amount in the plan's currency, next to the field", async () => {
    await dojoWithStripe();
    const result = await createPlanAction({ name: "Bad fee", amount: "45.00", interval: "month", intervalCount: 1, signupFee: "12.345", attempt: randomUUID() });
    expect(result).toMatchObject({ ok: false, fieldErrors: { signupFee: [expect.stringContaining("decimals")] } });
  });
});

describe("fees on the next renewal", () => {
  it("a grading fee joins the next renewal as its own line; money and ledger follow", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { clock, member, subscriptionId } = await memberSubscribedOnClock(dojo.id, stripe, JAN_1_2026);
    const added = await addSubscriptionFeeAction({ memberId: member.id, subscriptionId, description: "Grading fee, 3rd kyu", amount: "25.00", attempt: randomUUID() });
    expect(added).toMatchObject({ ok: true, data: { description: "Grading fee, 3rd kyu", amountMinor: 2500, kind: "fee" } });

    await advanceClock(stripe, clock.id, FEB_1 + 2 * 3600);
    await deliverEvents(dojo.id, await allEvents(stripe));
    const [, renewal] = await booked(dojo.id, member.id);
    expect(renewal.invoice).toMatchObject({ status: "paid", totalMinor: 7000 });
    expect(renewal.lines).toContainEqual(["Grading fee, 3rd kyu", 2500]);
    expect(renewal.revenue).toEqual([7000]);
  });

  it("the same attempt adds one fee; a removed fee is not charged; an invoiced fee cannot be removed", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { clock, member, subscriptionId } = await memberSubscribedOnClock(dojo.id, stripe, JAN_1_2026);
    const attempt = randomUUID();
    const fee = { memberId: member.id, subscriptionId, description: "Exam", amount: "10", attempt };
    const a = await addSubscriptionFeeAction(fee);
    const b = await addSubscriptionFeeAction(fee);
    if (!a.ok || !b.ok) throw new Error("fee refused");
    expect(b.data.id).toBe(a.data.id);
    expect(await removeSubscriptionFeeAction({ memberId: member.id, subscriptionId, invoiceItemId: a.data.id })).toMatchObject({ ok: true });

    const kept = await addSubscriptionFeeAction({ ...fee, description: "Belt", amount: "15", attempt: randomUUID() });
    if (!kept.ok) throw new Error(kept.error);
    await advanceClock(stripe, clock.id, FEB_1 + 2 * 3600);
    await deliverEvents(dojo.id, await allEvents(stripe));
    const [, renewal] = await booked(dojo.id, member.id);
    expect(renewal.invoice.totalMinor).toBe(4500 + 1500);
    expect(renewal.lines.map(([d]) => d)).not.toContain("Exam");
    expect(await removeSubscriptionFeeAction({ memberId: member.id, subscriptionId, invoiceItemId: kept.data.id })).toMatchObject({
      ok: false,
      error: expect.stringContaining("already on an invoice"),
    });
  });

  it("refuses a fee of nothing, on a paused or ended subscription, and another subscription's invoice item", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const { member, subscriptionId } = await memberSubscribedOnClock(dojo.id, stripe, JAN_1_2026);
    expect(await addSubscriptionFeeAction({ memberId: member.id, subscriptionId, description: "Nothing", amount: "0", attempt: randomUUID() })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["The fee must be more than zero."] },
    });
    const db = await getDb();
    const [row] = await db.select().from(memberSubscriptions).where(eq(memberSubscriptions.id, subscriptionId));
    const stranger = await stripe.invoiceItems.create({ customer: (await stripe.customers.create({})).id, amount: 100, currency: row.currency.toLowerCase() });
    expect(await removeSubscriptionFeeAction({ memberId: member.id, subscriptionId, invoiceItemId: stranger.id })).toMatchObject({ ok: false });
    expect((await stripe.invoiceItems.retrieve(stranger.id)).id).toBe(stranger.id);

    await db.update(memberSubscriptions).set({ pauseBehavior: "void" }).where(eq(memberSubscriptions.id, subscriptionId));
    expect(await addSubscriptionFeeAction({ memberId: member.id, subscriptionId, description: "Exam", amount: "5", attempt: randomUUID() })).toMatchObject({
      ok: false,
      error: expect.stringContaining("paused"),
    });
    await db.update(memberSubscriptions).set({ pauseBehavior: null, status: "canceled" }).where(eq(memberSubscriptions.id, subscriptionId));
    expect(await addSubscriptionFeeAction({ memberId: member.id, subscriptionId, description: "Exam", amount: "5", attempt: randomUUID() })).toMatchObject({
      ok: false,
      error: expect.stringContaining("running subscription"),
    });
  });
});
