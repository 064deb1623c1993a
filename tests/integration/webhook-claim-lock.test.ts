import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobs, ledgerEntries, payments, stripeEvents } from "@/db/schema";
import { invoicePaymentMetadata } from "@/lib/payments/card/metadata";
import { dojoWithStripe, openInvoiceFor, paymentState } from "../support/card-payment";
import { deliverSignedEvent, eventAbout } from "../support/signed-event";

// A payment's delivery claims its event id and locks the invoice in one statement
// (claimEventAndLockInvoice). Exactly once as when they were two: concurrent deliveries, a delivery
// whose transaction rolls back (its claim goes with it), the redelivery of a failed one.

async function paymentEvent() {
  const { dojo, stripe } = await dojoWithStripe();
  const { invoice } = await openInvoiceFor(dojo);
  const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: invoicePaymentMetadata(dojo.id, invoice.id) });
  return { dojo, invoice, pi, event: eventAbout("payment_intent.succeeded", pi) };
}

async function bookkeeping(dojoId: string, invoiceId: string) {
  const db = await getDb();
  const state = await paymentState(invoiceId);
  const receipts = await db.select().from(jobs).where(like(jobs.dedupeKey, "payment-receipt:%"));
  return {
    invoice: { status: state.invoice.status, paidMinor: state.invoice.paidMinor },
    payments: (await db.select().from(payments).where(eq(payments.dojoId, dojoId))).length,
    entries: (await db.select().from(ledgerEntries).where(eq(ledgerEntries.dojoId, dojoId))).length,
    receipts: receipts.filter((job) => state.payments.some((p) => job.dedupeKey === `payment-receipt:${p.id}`)).length,
    events: (await db.select({ status: stripeEvents.status, error: stripeEvents.error }).from(stripeEvents).where(eq(stripeEvents.dojoId, dojoId))),
  };
}

const once = { invoice: { status: "paid", paidMinor: 5000 }, payments: 1, entries: 1, receipts: 1, events: [{ status: "processed", error: null }] };

describe("webhook delivery: the event's claim and the invoice's lock in one statement", () => {
  it("the same payment delivered four times at once is recorded once", async () => {
    const { dojo, invoice, event } = await paymentEvent();
    const replies = await Promise.all([0, 1, 2, 3].map(() => deliverSignedEvent(dojo.id, event)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(replies.map((r) => r.result).sort()).toEqual(["duplicate", "duplicate", "duplicate", "processed"]);
    expect(await bookkeeping(dojo.id, invoice.id)).toEqual(once);
  });

  it("a delivery whose transaction rolls back leaves no claim: stored as failed, and its redeliveries record the payment once", async () => {
    const { dojo, invoice, event } = await paymentEvent();
    const db = await getDb();
    // The payment's write fails after the claim-and-lock statement has run (its own statement fails).
    const fn = `refuse_payment_${dojo.id.replaceAll("-", "")}`;
    await db.execute(`create function ${fn}() returns trigger language plpgsql as $$ begin if new.dojo_id = '${dojo.id}' then raise exception 'payments are down'; end if; return new; end $$`);
    await db.execute(`create trigger ${fn} before insert on payments for each row execute function ${fn}()`);
    try {
      expect(await deliverSignedEvent(dojo.id, event)).toMatchObject({ status: 500 });
    } finally {
      await db.execute(`drop trigger ${fn} on payments`);
      await db.execute(`drop function ${fn}()`);
    }
    // Had the claim ("processed") survived the rollback, the failure could not have been stored over it.
    const failed = await bookkeeping(dojo.id, invoice.id);
    expect(failed).toMatchObject({ invoice: { status: "open", paidMinor: 0 }, payments: 0, entries: 0, receipts: 0 });
    expect(failed.events).toEqual([{ status: "failed", error: expect.any(String) }]);

    // Stripe redelivers (twice at once): a retry of the failed claim, then a duplicate.
    const replies = await Promise.all([0, 1].map(() => deliverSignedEvent(dojo.id, event)));
    expect(replies.map((r) => r.result).sort()).toEqual(["duplicate", "processed"]);
    expect(await bookkeeping(dojo.id, invoice.id)).toEqual(once);
  });

  it("a payment naming something that is not an invoice id is ignored, and stored as such", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: invoicePaymentMetadata(dojo.id, "not-an-invoice-id") });
    expect(await deliverSignedEvent(dojo.id, eventAbout("payment_intent.succeeded", pi))).toEqual({ status: 200, result: "ignored" });
    const db = await getDb();
    expect(await db.select({ status: stripeEvents.status }).from(stripeEvents).where(eq(stripeEvents.dojoId, dojo.id))).toEqual([{ status: "ignored" }]);
    expect(await db.select().from(payments).where(eq(payments.dojoId, dojo.id))).toHaveLength(0);
  });
});
