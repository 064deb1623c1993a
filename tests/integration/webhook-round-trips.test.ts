import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobs, ledgerEntries, ledgerMonths, payments, stripeConnections } from "@/db/schema";
import { invoicePaymentMetadata } from "@/lib/payments/card/metadata";
import { dojoWithStripe, openInvoiceFor, paymentState } from "../support/card-payment";
import { captureQueries } from "../support/explain";
import { deliverSignedEvent, eventAbout } from "../support/signed-event";

// Every statement a delivery sends is a round trip to PostgreSQL, and under load each one waits for
// a turn on the CPU: these are the budgets the webhook bench (bench/webhook-ingest.ts) was brought
// down to. A change that adds a statement to this path must say why here.
// Before (stop 22): 17 and 3; then 9 (the checkouts' update and the receipt job in statements of
// their own, now WITH clauses of the payment's); then 7; then 6 (the look-up after the invoice's lock
// is a condition of the payment's write); now 5 (the event's claim and the invoice's lock are one
// statement: claimEventAndLockInvoice). The floor, the bench's bare route, is 3 (BEGIN, one
// insert, COMMIT).
// "Last event received" adds one write a minute per dojo, not counted here (the connection was just seen).
const NEW_PAYMENT_BUDGET = 5;
const DUPLICATE_BUDGET = 1;

async function succeededDelivery() {
  const { dojo, stripe } = await dojoWithStripe();
  const { invoice } = await openInvoiceFor(dojo);
  const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: invoicePaymentMetadata(dojo.id, invoice.id) });
  return { dojo, invoice, pi, event: eventAbout("payment_intent.succeeded", pi) };
}

const listed = (captured: { sql: string }[]) => captured.map((q, i) => `${i + 1}. ${q.sql.slice(0, 160)}`).join("\n");

describe("webhook delivery: round trips to the database", () => {
  it(`records a succeeded PaymentIntent in at most ${NEW_PAYMENT_BUDGET} statements (BEGIN and COMMIT included), and a duplicate in ${DUPLICATE_BUDGET}`, async () => {
    const { dojo, invoice, pi, event } = await succeededDelivery();
    const db = await getDb();
    await db.update(stripeConnections).set({ lastEventAt: new Date() }).where(eq(stripeConnections.dojoId, dojo.id));
    const first = await captureQueries(async () => expect(await deliverSignedEvent(dojo.id, event)).toEqual({ status: 200, result: "processed" }), { transactions: true });
    // deliverSignedEvent reads the endpoint secret before posting: that read is the test's, not the app's.
    const app = first.slice(1);
    expect(app.length, listed(app)).toBeLessThanOrEqual(NEW_PAYMENT_BUDGET);

    const again = await captureQueries(async () => expect(await deliverSignedEvent(dojo.id, event)).toEqual({ status: 200, result: "duplicate" }), { transactions: true });
    expect(again.slice(1).length, listed(again.slice(1))).toBeLessThanOrEqual(DUPLICATE_BUDGET);

    // Fewer statements, the same bookkeeping: one payment, one revenue entry, the invoice paid, one receipt queued.
    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    expect(state.payments).toEqual([expect.objectContaining({ amountMinor: 5000, stripePaymentIntentId: pi.id })]);
    expect(state.entries).toEqual([expect.objectContaining({ amountMinor: 5000, paymentId: state.payments[0].id })]);
    expect(await db.select().from(jobs).where(eq(jobs.dedupeKey, `payment-receipt:${state.payments[0].id}`))).toHaveLength(1);
    expect(await db.select().from(ledgerEntries).where(eq(ledgerEntries.dojoId, dojo.id))).toHaveLength(1);
    expect(await db.select().from(payments).where(eq(payments.dojoId, dojo.id))).toHaveLength(1);
    // The monthly rollup's trigger fires for an entry booked inside the payment's statement too.
    expect(await db.select({ amountMinor: ledgerMonths.amountMinor, entryCount: ledgerMonths.entryCount }).from(ledgerMonths).where(eq(ledgerMonths.dojoId, dojo.id))).toEqual([{ amountMinor: 5000, entryCount: 1 }]);
  });
});

