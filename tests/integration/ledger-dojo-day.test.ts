import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { dojos, ledgerEntries } from "@/db/schema";
import { invoicePaymentMetadata } from "@/lib/payments/card/metadata";
import { recordPayment } from "@/lib/payments/record-payment";
import { recordRefund } from "@/lib/payments/refunds/record-refund";
import { createMember, createDojo } from "../support/factories";
import { createTestInvoice } from "../support/invoice-factory";
import { dojoWithStripe, openInvoiceFor } from "../support/card-payment";
import { deliverSignedEvent, eventAbout } from "../support/signed-event";

// 23:30 UTC on 10 March is 12:30 on 11 March in Auckland (NZDT, UTC+13): the dojo's books say the 11th.
const LATE_UTC = new Date("2026-03-10T23:30:00Z");

async function inAuckland(dojoId: string) {
  await (await getDb()).update(dojos).set({ timeZone: "Pacific/Auckland" }).where(eq(dojos.id, dojoId));
}

const entriesOf = async (invoiceId: string) => (await getDb()).select().from(ledgerEntries).where(eq(ledgerEntries.invoiceId, invoiceId)).orderBy(ledgerEntries.createdAt);

describe("ledger entries are dated on the dojo's own calendar day", () => {
  it("books a payment at 23:30 UTC, and its refund, on the next day of a dojo in Auckland", async () => {
    const dojo = await createDojo({ currency: "NZD" });
    await inAuckland(dojo.id);
    const member = await createMember(dojo.id);
    const invoice = await createTestInvoice(dojo, member.id, { issue: true, lines: [{ description: "Training", quantity: "1", unitPrice: "40.00" }] });
    const db = await getDb();
    await db.transaction((tx) =>
      recordPayment(tx, { dojoId: dojo.id, invoiceId: invoice.id, method: "card", amountMinor: 4000, currency: "NZD", paidAt: LATE_UTC, stripePaymentIntentId: "pi_late_auckland" }),
    );
    await db.transaction((tx) => recordRefund(tx, { dojoId: dojo.id, stripePaymentIntentId: "pi_late_auckland", stripeRefundId: "re_late_auckland", amountMinor: 1000, currency: "NZD", refundedAt: LATE_UTC }));
    expect((await entriesOf(invoice.id)).map((e) => [e.amountMinor, e.date])).toEqual([
      [4000, "2026-03-11"],
      [-1000, "2026-03-11"],
    ]);
  });

  it("books a card payment whose webhook says 23:30 UTC on the dojo's next day", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    await inAuckland(dojo.id);
    const { invoice } = await openInvoiceFor(dojo);
    const pi = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: invoicePaymentMetadata(dojo.id, invoice.id) });
    // The charge is not expanded in the event: the payment's time is the event's.
    const event = { ...eventAbout("payment_intent.succeeded", pi), created: Math.floor(LATE_UTC.getTime() / 1000) } as Stripe.Event;
    expect(await deliverSignedEvent(dojo.id, event)).toEqual({ status: 200, result: "processed" });
    const [entry] = await (await getDb()).select().from(ledgerEntries).where(and(eq(ledgerEntries.invoiceId, invoice.id), eq(ledgerEntries.kind, "revenue")));
    expect(entry).toMatchObject({ amountMinor: 5000, date: "2026-03-11" });
  });
});
