import { describe, expect, it } from "vitest";
import { reconcileStripe } from "@/app/(staff)/settings/stripe/actions";
import { setCustomerIdAction } from "@/app/(staff)/members/[id]/stripe-actions";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invoices, jobs, payments, stripeEvents } from "@/db/schema";
import { customerWithCard, monthlyPrice } from "@tatami/stripe-emulator/billing-support";
import { control } from "@tatami/stripe-emulator/test-support";
import { STRIPE_RECONCILE_JOB } from "@/lib/jobs/kinds";
import { scheduleOnce } from "@/lib/jobs/queue";
import { runDueJobs } from "@/lib/jobs/worker";
import { invoicePaymentMetadata } from "@/lib/payments/card/metadata";
import { ENABLED_EVENTS } from "@/lib/stripe/webhooks/enabled-events";
import { reconcileStripeEvents } from "@/lib/stripe/webhooks/reconcile";
import { dojoWithStripe, openInvoiceFor, paymentState } from "../support/card-payment";
import { createMember, signedInDojo } from "../support/factories";

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

  it("applies a missed invoice.paid of an account on an older API version: the invoice ends paid, the event processed", async () => {
    const connected = await dojoWithStripe();
    // The dojo's Stripe account still has 2024-06-20 as its default version: events.list
    // answers its invoices with `subscription` at the top and no `parent`.
    await control("accounts/api-version", { apiKey: connected.secretKey, version: "2024-06-20" });
    const { customer } = await customerWithCard(connected.stripe, "pm_card_visa");
    const member = await createMember(connected.dojo.id);
    expect(await setCustomerIdAction({ memberId: member.id, customerId: customer.id })).toMatchObject({ ok: true });
    // Made in the Stripe dashboard; the webhook that would have told Tatami never arrived.
    const price = await monthlyPrice(connected.stripe, 3900);
    const subscription = await connected.stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const stripeInvoiceId = subscription.latest_invoice as string;
    const paid = (await connected.stripe.events.list({ type: "invoice.paid", limit: 1 })).data[0];
    expect(paid).toMatchObject({ api_version: "2024-06-20", data: { object: { id: stripeInvoiceId, subscription: subscription.id } } });

    const db = await getDb();
    const summary = await reconcileStripeEvents(db, connected.dojo.id);
    expect(summary.failed).toBe(0);
    const [invoice] = await db.select().from(invoices).where(eq(invoices.stripeInvoiceId, stripeInvoiceId));
    expect(invoice).toMatchObject({ memberId: member.id, status: "paid", totalMinor: 3900, paidMinor: 3900, source: "subscription" });
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
    const [stored] = await db.select().from(stripeEvents).where(and(eq(stripeEvents.dojoId, connected.dojo.id), eq(stripeEvents.eventId, paid.id)));
    expect(stored.status).toBe("processed");
    // The next run finds it recorded; nothing is added.
    expect((await reconcileStripeEvents(db, connected.dojo.id)).applied).toBe(0);
    expect(await db.select().from(payments).where(eq(payments.invoiceId, invoice.id))).toHaveLength(1);
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
