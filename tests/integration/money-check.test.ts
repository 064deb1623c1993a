import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { invoices, refunds } from "@/db/schema";
import { refundCardPaymentAction } from "@/app/(staff)/invoices/[id]/refund-actions";
import { recordDifferenceAction, refundDifferenceAction } from "@/app/(staff)/settings/stripe/money-check-actions";
import { connectStripeAccount, reconcileStripe } from "@/app/(staff)/settings/stripe/actions";
import { control, newSecretKey } from "@tatami/stripe-emulator/test-support";
import { recordPayment } from "@/lib/payments/record-payment";
import { latestMoneyCheck, runMoneyCheck } from "@/lib/stripe/money-check/check";
import { dojoWithStripe, openInvoiceFor, paidCardInvoice, paymentState } from "../support/card-payment";
import { createStaff, signInAsStaff } from "../support/factories";

const summary = (differences: { kind: string; stripeId: string; stripeMinor: number | null; tatamiMinor: number | null; actions: string[] }[]) =>
  differences.map((d) => ({ kind: d.kind, stripeId: d.stripeId, stripeMinor: d.stripeMinor, tatamiMinor: d.tatamiMinor, actions: d.actions }));

describe("the money check", () => {
  it("finds each kind of difference that can be settled, settles each with its action, then Stripe and Tatami agree", async () => {
    const { dojo, owner, stripe, secretKey } = await dojoWithStripe();
    const db = await getDb();
    // In order: money that agrees. (No webhook reaches Tatami in this test: only what it records itself.)
    const paid = await paidCardInvoice(dojo);
    expect(summary((await runMoneyCheck(db, dojo.id)).differences)).toEqual([]);
    expect(await latestMoneyCheck(db, dojo.id)).toMatchObject({ differences: [], error: null, chargesChecked: 1 });

    // 1. Captured for an open invoice, never recorded (the member closed the tab, the webhook was lost).
    const { invoice: open } = await openInvoiceFor(dojo);
    const unrecorded = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: open.id } });
    // 2. A second payment of the invoice that is already paid (two tabs): nothing to record it on.
    const twice = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: paid.invoice.id } });
    // 3. A refund made in the Stripe dashboard, its webhook lost.
    const dashboardRefund = await stripe.refunds.create({ payment_intent: paid.payment.stripePaymentIntentId!, amount: 1000 });
    // 4. A refund Tatami booked that the card's bank sent back, its webhook lost.
    const bounced = await paidCardInvoice(dojo, { card: "4000000000005126" });
    expect(await refundCardPaymentAction({ paymentId: bounced.payment.id, amount: "50.00", reason: "Cancelled course", nonce: randomUUID() })).toMatchObject({ ok: true });
    const [failing] = (await stripe.refunds.list({ payment_intent: bounced.payment.stripePaymentIntentId! })).data;
    await control("refunds/settle", { apiKey: secretKey });
    // Not Tatami's: a charge another system made on the same account.
    await stripe.paymentIntents.create({ amount: 1200, currency: "eur", payment_method: "pm_card_visa", confirm: true });

    const found = await runMoneyCheck(db, dojo.id);
    expect(summary(found.differences)).toEqual(
      expect.arrayContaining([
        { kind: "charge_not_recorded", stripeId: unrecorded.id, stripeMinor: 5000, tatamiMinor: null, actions: ["record", "refund"] },
        { kind: "charge_not_recorded", stripeId: twice.id, stripeMinor: 5000, tatamiMinor: null, actions: ["record", "refund"] },
        { kind: "refund_not_recorded", stripeId: dashboardRefund.id, stripeMinor: 1000, tatamiMinor: null, actions: ["record"] },
        { kind: "refund_not_at_stripe", stripeId: failing.id, stripeMinor: null, tatamiMinor: 5000, actions: ["record"] },
      ]),
    );
    expect(found.differences).toHaveLength(4);
    expect(found.differences.find((d) => d.stripeId === unrecorded.id)).toMatchObject({ invoiceId: open.id, invoiceNumber: open.number });

    // Staff cannot settle; an id that is not listed is not acted on.
    signInAsStaff(await createStaff(dojo.id, "staff"));
    expect(await refundDifferenceAction({ stripeId: twice.id })).toEqual({ ok: false, error: "Your role does not allow this." });
    signInAsStaff(await createStaff(dojo.id, "manager"));
    const stranger = await stripe.paymentIntents.create({ amount: 800, currency: "eur", payment_method: "pm_card_visa", confirm: true });
    expect(await refundDifferenceAction({ stripeId: stranger.id })).toMatchObject({ ok: true, data: { settled: false } });
    expect((await stripe.refunds.list({ payment_intent: stranger.id })).data).toEqual([]);

    // Settle each: record the lost payment, refund the double one, record the dashboard refund, book the failure.
    expect(await recordDifferenceAction({ stripeId: unrecorded.id })).toMatchObject({ ok: true, data: { settled: true, differences: 3 } });
    expect((await paymentState(open.id)).invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    // "Record it" on the second payment of a paid invoice follows the one rule for captured money:
    // nothing is left to record it on, so all of it is refunded automatically, once.
    expect(await recordDifferenceAction({ stripeId: twice.id })).toMatchObject({ ok: true, data: { settled: true, differences: 2 } });
    expect((await stripe.refunds.list({ payment_intent: twice.id })).data).toEqual([expect.objectContaining({ amount: 5000, status: "succeeded", reason: "duplicate" })]);
    expect(await refundDifferenceAction({ stripeId: twice.id })).toMatchObject({ ok: true, data: { settled: false, differences: 2 } });
    expect(await recordDifferenceAction({ stripeId: dashboardRefund.id })).toMatchObject({ ok: true, data: { settled: true, differences: 1 } });
    expect((await paymentState(paid.invoice.id)).invoice.refundedMinor).toBe(1000);
    expect(await recordDifferenceAction({ stripeId: failing.id })).toMatchObject({ ok: true, data: { settled: true, differences: 0 } });
    const [bookedBack] = await db.select().from(refunds).where(eq(refunds.stripeRefundId, failing.id));
    expect(bookedBack.failedAt).toBeInstanceOf(Date);

    // A second click on any of them changes nothing and refunds nothing twice.
    expect(await refundDifferenceAction({ stripeId: twice.id })).toMatchObject({ ok: true, data: { settled: false, differences: 0 } });
    expect(await recordDifferenceAction({ stripeId: unrecorded.id })).toMatchObject({ ok: true, data: { settled: false, differences: 0 } });
    expect((await stripe.refunds.list({ payment_intent: twice.id })).data).toHaveLength(1);
    expect((await paymentState(open.id)).payments).toHaveLength(1);

    // "Check for missed events" runs the check too, and now they agree.
    signInAsStaff(owner);
    expect(await reconcileStripe({ days: 3 })).toMatchObject({ ok: true, data: { moneyDifferences: 0 } });
    expect(await latestMoneyCheck(db, dojo.id)).toMatchObject({ differences: [], error: null });
  });

  it("finds a payment Stripe does not have and amounts that differ, which only a person can settle; keeps the last result when Stripe is down", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    const db = await getDb();
    const { invoice: ghostInvoice } = await openInvoiceFor(dojo);
    const { invoice: shortInvoice } = await openInvoiceFor(dojo, { unitPrice: "30.00" });
    // A card payment recorded with a PaymentIntent Stripe never had.
    await db.transaction((tx) => recordPayment(tx, { dojoId: dojo.id, invoiceId: ghostInvoice.id, method: "card", amountMinor: 5000, currency: "EUR", paidAt: new Date(), stripePaymentIntentId: "pi_neverinstripe" }));
    // Stripe captured 60.00, Tatami recorded 50.00 of it.
    const pi = await stripe.paymentIntents.create({ amount: 6000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: { tatami_dojo_id: dojo.id, tatami_invoice_id: shortInvoice.id } });
    await db.transaction((tx) => recordPayment(tx, { dojoId: dojo.id, invoiceId: shortInvoice.id, method: "card", amountMinor: 5000, currency: "EUR", paidAt: new Date(), stripePaymentIntentId: pi.id }));

    const found = await runMoneyCheck(db, dojo.id);
    expect(summary(found.differences)).toEqual(
      expect.arrayContaining([
        { kind: "charge_not_at_stripe", stripeId: "pi_neverinstripe", stripeMinor: null, tatamiMinor: 5000, actions: [] },
        { kind: "amount_differs", stripeId: pi.id, stripeMinor: 6000, tatamiMinor: 5000, actions: [] },
      ]),
    );
    expect(found.differences).toHaveLength(2);
    expect(found.differences.find((d) => d.stripeId === "pi_neverinstripe")).toMatchObject({ invoiceId: ghostInvoice.id, invoiceNumber: ghostInvoice.number });
    // Nothing to click: the actions refuse what is not listed with them.
    expect(await recordDifferenceAction({ stripeId: pi.id })).toMatchObject({ ok: true, data: { settled: false, differences: 2 } });
    expect(await db.select().from(invoices).where(eq(invoices.id, shortInvoice.id))).toEqual([expect.objectContaining({ paidMinor: 5000 })]);

    // Stripe unreachable (three 500s: the client retries twice): the error is stored next to the last good list.
    await control("faults", { method: "GET", path: "/v1/charges", apiKey: secretKey, count: 3, status: 500 });
    await expect(runMoneyCheck(db, dojo.id)).rejects.toThrow();
    expect(await latestMoneyCheck(db, dojo.id)).toMatchObject({ error: expect.any(String), differences: expect.arrayContaining([expect.objectContaining({ stripeId: pi.id })]) });
  });

  it("payments recorded with the Stripe account the dojo used before are not called missing in the new one", async () => {
    const { dojo } = await dojoWithStripe();
    await paidCardInvoice(dojo);
    const db = await getDb();
    expect((await runMoneyCheck(db, dojo.id)).differences).toEqual([]);
    // The owner replaces the keys with another account's.
    const other = newSecretKey("moneynext");
    expect(await connectStripeAccount({ publishableKey: other.replace(/^sk_/, "pk_"), secretKey: other, currency: "EUR", attempt: randomUUID() })).toMatchObject({ ok: true });
    expect((await runMoneyCheck(db, dojo.id)).differences).toEqual([]);
  });
});
