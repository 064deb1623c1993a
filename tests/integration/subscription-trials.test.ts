import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invoices, ledgerEntries, memberSubscriptions } from "@/db/schema";
import { createPlanAction } from "@/app/(staff)/members/plans/actions";
import { setCustomerIdAction, subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { advanceClock, customerWithCard, DAY, JAN_1_2026 } from "@tatami/stripe-emulator/billing-support";
import { dojoWithStripe } from "../support/card-payment";
import { createMember } from "../support/factories";
import { allEvents, deliverEvents } from "../support/money";

describe("a plan with a free trial", () => {
  it("charges nothing on day 0 and the first period at the trial's end, booked as one paid invoice", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
    const member = await createMember(dojo.id);
    expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toMatchObject({ ok: true });
    const plan = await createPlanAction({ name: "Judo monthly", amount: "45.00", interval: "month", intervalCount: 1, trialDays: "30", attempt: randomUUID() });
    if (!plan.ok) throw new Error(plan.error);

    const subscribed = await subscribeAction({ memberId: member.id, planId: plan.data.id, attempt: randomUUID() });
    expect(subscribed).toMatchObject({ ok: true, data: { firstPayment: "none", invoiceId: null } });
    const db = await getDb();
    const [row] = await db.select().from(memberSubscriptions).where(eq(memberSubscriptions.memberId, member.id));
    expect(row).toMatchObject({ status: "trialing", currentPeriodEnd: new Date((JAN_1_2026 + 30 * DAY) * 1000) });
    const sub = await stripe.subscriptions.retrieve(row.stripeSubscriptionId);
    expect(sub).toMatchObject({ status: "trialing", trial_end: JAN_1_2026 + 30 * DAY });
    expect((await stripe.paymentIntents.list({ customer: customer.id })).data).toEqual([]);
    const booked = () => db.select().from(invoices).where(and(eq(invoices.dojoId, dojo.id), eq(invoices.memberId, member.id)));
    expect(await booked()).toEqual([]);

    await advanceClock(stripe, clock.id, JAN_1_2026 + 30 * DAY + 2 * 3600);
    await deliverEvents(dojo.id, await allEvents(stripe));
    const [first] = await booked();
    expect(first).toMatchObject({ status: "paid", totalMinor: 4500, source: "subscription" });
    const revenue = await db.select().from(ledgerEntries).where(eq(ledgerEntries.invoiceId, first.id));
    expect(revenue.map((e) => e.amountMinor)).toEqual([4500]);
    expect((await db.select().from(memberSubscriptions).where(eq(memberSubscriptions.id, row.id)))[0].status).toBe("active");
  });

  it("refuses a trial longer than Stripe allows, next to the field", async () => {
    await dojoWithStripe();
    const result = await createPlanAction({ name: "Too long", amount: "45.00", interval: "month", intervalCount: 1, trialDays: "731", attempt: randomUUID() });
    expect(result).toMatchObject({ ok: false, fieldErrors: { trialDays: ["At most 730 days (Stripe's limit)"] } });
  });
});
