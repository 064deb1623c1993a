import { eq } from "drizzle-orm";
import Stripe from "stripe";
import { expect } from "vitest";
import { refunds, stripeConnections } from "@/db/schema";
import { decryptSecret } from "@/lib/crypto";
import { chargeSavedCard } from "@/lib/payments/card/charge-saved-card";
import { disconnectStripe } from "@/lib/stripe/disconnect";
import { webhookState } from "@/lib/stripe/status";
import { webhookUrlFor } from "@/lib/stripe/webhook-endpoint";
import { inPinnedVersion } from "@/lib/stripe/webhooks/pinned-version";
import { ENABLED_EVENTS } from "@/lib/stripe/webhooks/enabled-events";
import { reconcileStripeEvents } from "@/lib/stripe/webhooks/reconcile";
import { openInvoiceFor, paymentState } from "../support/card-payment";
import { contractSuite, contractTest } from "./support/contract";
import { CONTRACT_APP_URL } from "./support/target";
import { connectedDojo, eventAbout, memberWithCard } from "./support/world";

// Reconciliation looks back this many days: 1/64 of a day (22.5 minutes, a whole number of
// seconds) keeps a shared test account's older events out of the run.
const RECENT_DAYS = 1 / 64;

contractSuite("Connecting a dojo's Stripe account", () => {
  contractTest(
    "connect checks the key and registers the webhook endpoint; the settings page reads it back; disconnect deletes it",
    ["accounts.retrieveCurrent", "setupIntents.create", "setupIntents.retrieve", "setupIntents.cancel", "webhookEndpoints.create", "webhookEndpoints.retrieve", "webhookEndpoints.del"],
    async () => {
      const { db, dojo, admin, connected } = await connectedDojo();
      expect(connected).toEqual({ accountId: (await admin.accounts.retrieveCurrent()).id, accountName: expect.toSatisfy((v) => v === null || typeof v === "string"), livemode: false });

      const [connection] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojo.id));
      const endpoint = await admin.webhookEndpoints.retrieve(connection.webhookEndpointId!);
      expect(endpoint).toMatchObject({ url: `${CONTRACT_APP_URL}/api/stripe/webhook/${dojo.id}`, status: "enabled", api_version: Stripe.API_VERSION, metadata: { tatami_dojo_id: dojo.id } });
      expect(endpoint.url).toBe(webhookUrlFor(dojo.id));
      expect([...endpoint.enabled_events].sort()).toEqual([...ENABLED_EVENTS].sort());
      // The signing secret is only in the create answer; the app kept it, encrypted.
      expect(decryptSecret(connection.webhookSecretEnc!)).toMatch(/^whsec_/);
      expect(connection.webhookUrl).toBe(endpoint.url);

      expect(await webhookState(connection)).toEqual({ state: "enabled" });

      await disconnectStripe(db, dojo.id);
      await expect(admin.webhookEndpoints.retrieve(endpoint.id)).rejects.toMatchObject({ type: "StripeInvalidRequestError", statusCode: 404, code: "resource_missing" });
      expect(await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojo.id))).toEqual([]);
    },
  );

  contractTest(
    "reconciliation re-subscribes an endpoint that misses an event type and applies a refund made in the Stripe dashboard",
    ["webhookEndpoints.retrieve", "webhookEndpoints.update", "events.list", "refunds.list"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin } = world;
      const { member, invoice } = await openInvoiceFor(dojo);
      await memberWithCard(world, { memberId: member.id });
      expect(await chargeSavedCard(db, { dojoId: dojo.id, invoiceId: invoice.id, staffId: world.ctx.user.id })).toMatchObject({ status: "succeeded" });
      const [payment] = (await paymentState(invoice.id)).payments;

      // An endpoint made by an older Tatami, without charge.refunded; a refund in the dashboard.
      const [connection] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojo.id));
      await admin.webhookEndpoints.update(connection.webhookEndpointId!, { enabled_events: ENABLED_EVENTS.filter((type) => type !== "charge.refunded") });
      const refund = await admin.refunds.create({ payment_intent: payment.stripePaymentIntentId!, amount: 1_000 });
      await eventAbout(admin, "charge.refunded", payment.stripeChargeId!);

      const summary = await reconcileStripeEvents(db, dojo.id, RECENT_DAYS);
      expect(summary).toMatchObject({ subscribed: ["charge.refunded"], failed: 0 });
      expect(summary.applied).toBeGreaterThanOrEqual(1);
      expect((await admin.webhookEndpoints.retrieve(connection.webhookEndpointId!)).enabled_events).toContain("charge.refunded");
      const booked = await db.select().from(refunds).where(eq(refunds.stripeRefundId, refund.id));
      expect(booked).toEqual([expect.objectContaining({ paymentId: payment.id, amountMinor: 1_000, reason: "Refunded in Stripe" })]);

      // A second run finds everything applied.
      const again = await reconcileStripeEvents(db, dojo.id, RECENT_DAYS);
      expect(again).toMatchObject({ subscribed: [], applied: 0, failed: 0 });
    },
  );

  contractTest("an event rendered in an older API version is read again in the pinned one", ["charges.retrieve"], async () => {
    const world = await connectedDojo();
    const { db, dojo, admin, stripe } = world;
    const { member, invoice } = await openInvoiceFor(dojo);
    await memberWithCard(world, { memberId: member.id });
    expect(await chargeSavedCard(db, { dojoId: dojo.id, invoiceId: invoice.id, staffId: world.ctx.user.id })).toMatchObject({ status: "succeeded" });
    const [payment] = (await paymentState(invoice.id)).payments;
    await admin.refunds.create({ payment_intent: payment.stripePaymentIntentId!, amount: 1_000 });
    // As an account on an older default version would send it: only the object's id is trusted.
    const old = { id: "evt_older_version", object: "event", api_version: "2020-08-27", type: "charge.refunded", created: 0, livemode: false, pending_webhooks: 0, request: null, data: { object: { id: payment.stripeChargeId, object: "charge" } } } as unknown as Stripe.Event;
    const pinned = await inPinnedVersion(stripe, old);
    expect(pinned.api_version).toBe(Stripe.API_VERSION);
    expect(pinned.data.object).toMatchObject({ id: payment.stripeChargeId, object: "charge", amount_refunded: 1_000, payment_intent: payment.stripePaymentIntentId });
  });
});
