import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { automaticRefunds, invoices } from "@/db/schema";
import { createPlanAction } from "@/app/(staff)/members/plans/actions";
import { setCustomerIdAction, subscribeAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { advanceClock, customerWithCard, DAY, JAN_1_2026 } from "@tatami/stripe-emulator/billing-support";
import { runDueJobs } from "@/lib/jobs/worker";
import { dojoWithStripe } from "../support/card-payment";
import { createMember } from "../support/factories";
import { allEvents, deliverEvents, failedEventsOf, stripeSideOf, tatamiSideOf } from "../support/money";

describe("a subscription's Stripe invoice paid for a Tatami invoice that is void", () => {
  // Voiding subscription invoices in Tatami is refused now; ones voided before that can still be
  // paid in Stripe (the member pays the open renewal later). The payment goes back.
  it("is refunded automatically, not left failed", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1_2026 });
    const { customer } = await customerWithCard(stripe, "pm_card_visa", { clock: clock.id });
    const member = await createMember(dojo.id);
    expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toMatchObject({ ok: true });
    const plan = await createPlanAction({ name: "Judo monthly", amount: "45.00", interval: "month", intervalCount: 1, attempt: randomUUID() });
    if (!plan.ok) throw new Error(plan.error);
    expect(await subscribeAction({ memberId: member.id, planId: plan.data.id, attempt: randomUUID() })).toMatchObject({ ok: true });

    // The card fails at the renewal: Stripe's invoice stays open, and so does Tatami's copy.
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
    await advanceClock(stripe, clock.id, JAN_1_2026 + 31 * DAY + 2 * 3600);
    await deliverEvents(dojo.id, await allEvents(stripe));
    const db = await getDb();
    const [renewal] = await db.select().from(invoices).where(and(eq(invoices.memberId, member.id), eq(invoices.status, "open")));
    // Voided in Tatami before subscription invoices were protected.
    await db.update(invoices).set({ status: "void", voidReason: "Voided by hand", voidedAt: new Date() }).where(eq(invoices.id, renewal.id));

    const good = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    await stripe.invoices.pay(renewal.stripeInvoiceId!, { payment_method: good.id });
    const answers = await deliverEvents(dojo.id, await allEvents(stripe));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    await runDueJobs(db);
    expect(await failedEventsOf(dojo.id)).toEqual([]);

    const [refund] = await db.select().from(automaticRefunds).where(eq(automaticRefunds.invoiceId, renewal.id));
    expect(refund).toMatchObject({ reason: "void", status: "refunded", amountMinor: 4500 });
    // The metadata of a Stripe invoice's PaymentIntent does not name Tatami's invoice: compare directly.
    const pi = await stripe.paymentIntents.retrieve(refund.stripePaymentIntentId);
    const refunds = (await stripe.refunds.list({ payment_intent: pi.id })).data;
    expect(pi.amount_received - refunds.reduce((sum, r) => sum + r.amount, 0)).toBe(0);
    const tatami = await tatamiSideOf(renewal.id);
    expect(tatami).toMatchObject({ paid: 0, ledger: 0 });
    expect(tatami.invoice.status).toBe("void");
    expect((await stripeSideOf(stripe, renewal.id)).captured).toBe(0);
  });
});
