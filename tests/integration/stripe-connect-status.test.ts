import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { stripeConnections, stripeEvents } from "@/db/schema";
import { connectStripeAccount } from "@/app/(staff)/settings/stripe/actions";
import { control, newSecretKey, stripeClient } from "@tatami/stripe-emulator/test-support";
import { connectionView, recentStripeEvents, webhookState } from "@/lib/stripe/status";
import { signedInDojo } from "../support/factories";

async function connected() {
  const { dojo } = await signedInDojo();
  const sk = newSecretKey("status");
  expect(await connectStripeAccount({ publishableKey: sk.replace(/^sk_/, "pk_"), secretKey: sk, currency: "EUR", attempt: randomUUID() })).toMatchObject({ ok: true });
  const db = await getDb();
  const [connection] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojo.id));
  return { dojo, sk, connection };
}

describe("the Stripe tab's status", () => {
  it("shows the account with the secret key masked", async () => {
    const { sk, connection } = await connected();
    const view = connectionView(connection);
    expect(view.secretKeyMasked).toBe(`sk_test_…${sk.slice(-4)}`);
    expect(JSON.stringify(view)).not.toContain(sk);
    expect(view).not.toHaveProperty("webhookSecretEnc");
    expect(view).not.toHaveProperty("secretKeyEnc");
  });

  it("reports the webhook endpoint's state as Stripe has it", async () => {
    const { sk, connection } = await connected();
    expect(await webhookState(connection)).toEqual({ state: "enabled" });

    await stripeClient(sk).webhookEndpoints.update(connection.webhookEndpointId!, { disabled: true });
    expect(await webhookState(connection)).toMatchObject({ state: "disabled" });

    await stripeClient(sk).webhookEndpoints.update(connection.webhookEndpointId!, { disabled: false, url: "https://elsewhere.example/hook" });
    expect(await webhookState(connection)).toMatchObject({ state: "elsewhere", message: expect.stringContaining("https://elsewhere.example/hook") });

    await stripeClient(sk).webhookEndpoints.del(connection.webhookEndpointId!);
    expect(await webhookState(connection)).toMatchObject({ state: "missing" });

    await control("keys/revoke", { apiKey: sk });
    expect(await webhookState(connection)).toMatchObject({ state: "key-rejected" });
  });

  it("lists the dojo's own events, newest first, at most 50", async () => {
    const { dojo } = await connected();
    const { dojo: other } = await signedInDojo();
    const db = await getDb();
    const base = Date.now() - 60 * 60_000;
    await db.insert(stripeEvents).values(
      Array.from({ length: 55 }, (_, i) => ({ dojoId: dojo.id, eventId: `evt_${i}`, type: "payment_intent.succeeded", status: "processed" as const, receivedAt: new Date(base + i * 1000) })),
    );
    await db.insert(stripeEvents).values({ dojoId: other.id, eventId: "evt_other", type: "charge.refunded", status: "failed", error: "boom", receivedAt: new Date() });

    const events = await recentStripeEvents(db, dojo.id);
    expect(events).toHaveLength(50);
    expect(events[0].eventId).toBe("evt_54");
    expect(events.at(-1)?.eventId).toBe("evt_5");
    expect(events.some((e) => e.eventId === "evt_other")).toBe(false);
  });
});
