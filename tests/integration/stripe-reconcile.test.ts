import { describe, expect, it } from "vitest";
import { reconcileStripe } from "@/app/(staff)/settings/stripe/actions";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { jobs } from "@/db/schema";
import { STRIPE_RECONCILE_JOB } from "@/lib/jobs/kinds";
import { scheduleOnce } from "@/lib/jobs/queue";
import { runDueJobs } from "@/lib/jobs/worker";
import { invoicePaymentMetadata } from "@/lib/payments/card/metadata";
import { ENABLED_EVENTS } from "@/lib/stripe/webhooks/enabled-events";
import { reconcileStripeEvents } from "@/lib/stripe/webhooks/reconcile";
import { dojoWithStripe, openInvoiceFor, paymentState } from "../support/card-payment";
import { signedInDojo } from "../support/factories";

// In these tests no app server listens at the webhook URL: every delivery from the emulator
// fails, as when the endpoint is down. Reconciliation must find the payments anyway.
async function paidInStripeOnly(connected: Awaited<ReturnType<typeof dojoWithStripe>>, count: number) {
  const invoices = [];
  for (let i = 0; i < count; i++) {
    const { invoice } = await openInvoiceFor(connected.dojo);
    await connected.stripe.paymentIntents.create({ amount: invoice.totalMinor, currency: invoice.currency.toLowerCase(), payment_method: "pm_card_visa", confirm: true, metadata: invoicePaymentMetadata(connected.dojo.id, invoice.id) });
    invoices.push(invoice);
  }
  return invoices;
}

describe("Stripe reconciliation", () => {
  it("records every payment the webhook missed, each once, however often it runs", async () => {
    const connected = await dojoWithStripe();
    const invoices = await paidInStripeOnly(connected, 4);
    for (const invoice of invoices) expect((await paymentState(invoice.id)).payments).toHaveLength(0);

    const db = await getDb();
    const [first, concurrent] = await Promise.all([reconcileStripeEvents(db, connected.dojo.id), reconcileStripeEvents(db, connected.dojo.id)]);
    expect(first.failed + concurrent.failed).toBe(0);
    for (const invoice of invoices) {
      const state = await paymentState(invoice.id);
      expect(state.invoice.status).toBe("paid");
      expect(state.payments).toHaveLength(1);
      expect(state.entries).toHaveLength(1);
    }

    const again = await reconcileStripeEvents(db, connected.dojo.id);
    expect(again.applied).toBe(0);
    expect(again.alreadyRecorded).toBe(again.checked);
    for (const invoice of invoices) expect((await paymentState(invoice.id)).entries).toHaveLength(1);
  });

  it("subscribes an endpoint made by an older version to the events added since", async () => {
    const connected = await dojoWithStripe();
    const db = await getDb();
    const [endpoint] = (await connected.stripe.webhookEndpoints.list()).data;
    await connected.stripe.webhookEndpoints.update(endpoint.id, { enabled_events: ["payment_intent.succeeded"] });
    const summary = await reconcileStripeEvents(db, connected.dojo.id);
    expect(summary.subscribed).toEqual(ENABLED_EVENTS.filter((type) => type !== "payment_intent.succeeded"));
    expect((await connected.stripe.webhookEndpoints.retrieve(endpoint.id)).enabled_events.sort()).toEqual([...ENABLED_EVENTS].sort());
    expect((await reconcileStripeEvents(db, connected.dojo.id)).subscribed).toEqual([]);
  });

  it("runs as a periodic job: one chain however often it is started, each run queues the next", async () => {
    const connected = await dojoWithStripe();
    const [invoice] = await paidInStripeOnly(connected, 1);
    const db = await getDb();
    const now = new Date();
    await scheduleOnce(db, STRIPE_RECONCILE_JOB, now);
    await scheduleOnce(db, STRIPE_RECONCILE_JOB, now);
    const queued = () => db.select().from(jobs).where(and(eq(jobs.kind, STRIPE_RECONCILE_JOB), eq(jobs.status, "queued")));
    expect(await queued()).toHaveLength(1);

    await runDueJobs(db, { now });
    expect((await paymentState(invoice.id)).payments).toHaveLength(1);
    const next = await queued();
    expect(next).toHaveLength(1);
    expect(next[0].runAt.getTime()).toBeGreaterThanOrEqual(now.getTime() + 59 * 60_000);
  });

  it("is a staff action of the owner, with a summary", async () => {
    const connected = await dojoWithStripe();
    await paidInStripeOnly(connected, 2);
    await connected.signInOwner();
    const result = await reconcileStripe({ days: "3" });
    expect(result).toMatchObject({ ok: true, data: { applied: expect.any(Number), failed: 0 } });
    expect(result.ok && result.data.applied).toBeGreaterThanOrEqual(2);
    expect(await reconcileStripe({ days: "90" })).toMatchObject({ ok: false, fieldErrors: { days: ["At most 30 days"] } });
  });

  it("is refused on the Pro plan and without Stripe", async () => {
    await signedInDojo({ plan: "pro" });
    expect(await reconcileStripe({})).toMatchObject({ ok: false });
    await signedInDojo({ plan: "ultimate" });
    expect(await reconcileStripe({})).toMatchObject({ ok: false, error: expect.stringContaining("Stripe is not connected") });
  });
});
