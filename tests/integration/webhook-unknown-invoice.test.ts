import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { payments, stripeEvents } from "@/db/schema";
import { invoicePaymentMetadata } from "@/lib/payments/card/metadata";
import { dispatchEvent } from "@/lib/stripe/webhooks/dispatch";
import { dojoWithStripe, openInvoiceFor } from "../support/card-payment";

describe("a payment naming an invoice the dojo does not have", () => {
  it("is ignored, not failed (Stripe would retry a failure for days), and records nothing", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    // Another dojo's real invoice, and one that does not exist at all.
    const other = await dojoWithStripe();
    const { invoice: foreign } = await openInvoiceFor(other.dojo);
    for (const invoiceId of [foreign.id, randomUUID()]) {
      await stripe.paymentIntents.create({ amount: 5000, currency: "eur", payment_method: "pm_card_visa", confirm: true, metadata: invoicePaymentMetadata(dojo.id, invoiceId) });
    }
    const events = (await stripe.events.list({ type: "payment_intent.succeeded", limit: 10 })).data;
    expect(events).toHaveLength(2);
    const db = await getDb();
    for (const event of events) expect(await dispatchEvent(db, dojo.id, stripe, event)).toBe("ignored");
    const stored = await db.select().from(stripeEvents).where(eq(stripeEvents.dojoId, dojo.id));
    expect(stored.filter((e) => e.type === "payment_intent.succeeded").map((e) => e.status)).toEqual(["ignored", "ignored"]);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, foreign.id))).toHaveLength(0);
  });
});
