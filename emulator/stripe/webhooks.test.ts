import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import type { Delivery } from "./webhooks";
import { control, newSecretKey, startWebhookReceiver, stripeClient } from "./test-support";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((fn) => fn()));
});

async function account(events: Stripe.WebhookEndpointCreateParams.EnabledEvent[] = ["customer.created", "customer.updated"]) {
  const key = newSecretKey("hooks");
  const stripe = stripeClient(key);
  const receiver = await startWebhookReceiver();
  cleanup.push(receiver.close);
  const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: events });
  await control("webhooks", { apiKey: key, retryScheduleMs: [50, 100], timeoutMs: 2_000 });
  return { key, stripe, receiver, endpoint };
}

async function deliveries(key: string, eventId?: string): Promise<Delivery[]> {
  const { data } = await control<{ data: Delivery[] }>(`webhooks/deliveries?apiKey=${key}${eventId ? `&event=${eventId}` : ""}`);
  return data;
}

describe("webhook endpoints and delivery", () => {
  it("returns the signing secret once and manages endpoints", async () => {
    const { stripe, endpoint } = await account();
    expect(endpoint.secret).toMatch(/^whsec_/);
    const fetched = await stripe.webhookEndpoints.retrieve(endpoint.id);
    expect(fetched.secret).toBeUndefined();
    expect(fetched).toMatchObject({ status: "enabled", enabled_events: ["customer.created", "customer.updated"] });
    const updated = await stripe.webhookEndpoints.update(endpoint.id, { enabled_events: ["*"], disabled: true });
    expect(updated).toMatchObject({ status: "disabled", enabled_events: ["*"] });
    expect((await stripe.webhookEndpoints.list()).data.map((e) => e.id)).toEqual([endpoint.id]);
    expect(await stripe.webhookEndpoints.del(endpoint.id)).toMatchObject({ deleted: true });
    expect((await stripe.webhookEndpoints.list()).data).toHaveLength(0);
  });

  it("sends only subscribed event types, with previous_attributes on updates", async () => {
    const { stripe, receiver, endpoint } = await account();
    const customer = await stripe.customers.create({ email: "a@example.com" });
    await stripe.customers.update(customer.id, { email: "b@example.com" });
    await stripe.products.create({ name: "not subscribed" });
    const got = await receiver.waitFor((r) => r.length >= 2);
    expect(got.map((w) => w.event.type)).toEqual(["customer.created", "customer.updated"]);
    const updated = got[1].event as Stripe.CustomerUpdatedEvent;
    expect(updated.data.object.email).toBe("b@example.com");
    expect(updated.data.previous_attributes).toEqual({ email: "a@example.com" });
    expect(stripe.webhooks.constructEvent(got[1].body, got[1].signature, endpoint.secret!).id).toBe(updated.id);
  });

  it("retries a delivery answered with 500 until it succeeds", async () => {
    const { key, stripe, receiver } = await account();
    receiver.failNext(500, 503);
    const customer = await stripe.customers.create({ name: "Retry" });
    const [delivered] = await receiver.waitFor((r) => r.length === 1);
    expect((delivered.event.data.object as Stripe.Customer).id).toBe(customer.id);
    const [log] = await deliveries(key, delivered.event.id);
    expect(log.status).toBe("succeeded");
    expect(log.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    const event = await stripe.events.retrieve(delivered.event.id);
    expect(event.pending_webhooks).toBe(0);
  });

  it("gives up after the last retry", async () => {
    const { key, stripe, receiver } = await account();
    receiver.failNext(500, 500, 500);
    await stripe.customers.create({ name: "Never" });
    await expect.poll(async () => (await deliveries(key))[0]?.status, { timeout: 3_000 }).toBe("failed");
    expect((await deliveries(key))[0].attempts).toHaveLength(3);
    expect(receiver.received).toHaveLength(0);
  });

  it("duplicate mode sends every event several times", async () => {
    const { key, stripe, receiver } = await account();
    await control("webhooks", { apiKey: key, mode: "duplicate", duplicates: 3 });
    const customer = await stripe.customers.create({ name: "Twice" });
    const got = await receiver.waitFor((r) => r.length === 3);
    expect(new Set(got.map((w) => w.event.id)).size).toBe(1);
    expect((got[0].event.data.object as Stripe.Customer).id).toBe(customer.id);
  });

  it("delay mode holds deliveries until their time or a flush", async () => {
    const { key, stripe, receiver } = await account();
    await control("webhooks", { apiKey: key, mode: "delay", delayMs: 60_000 });
    await stripe.customers.create({ name: "Late" });
    await new Promise((r) => setTimeout(r, 150));
    expect(receiver.received).toHaveLength(0);
    expect((await deliveries(key))[0]).toMatchObject({ status: "pending", nextAttemptAt: expect.any(String) });
    await control("webhooks/flush", { apiKey: key });
    expect(receiver.received).toHaveLength(1);
  });

  it("shuffle mode delivers a batch in a random order", async () => {
    const { key, stripe, receiver } = await account();
    await control("webhooks", { apiKey: key, mode: "shuffle", shuffleWindowMs: 60_000 });
    const created: string[] = [];
    for (let i = 0; i < 8; i++) created.push((await stripe.customers.create({ name: `c${i}` })).id);
    await control("webhooks/flush", { apiKey: key });
    const order = receiver.received.map((w) => (w.event.data.object as Stripe.Customer).id);
    expect([...order].sort()).toEqual([...created].sort());
    // 8! orders: the chance of the original order by accident is 1 in 40320.
    expect(order).not.toEqual(created);
  });
});

describe("fault injection", () => {
  it("a 500 fault does not execute the request, so the SDK's retry with the same key creates it once", async () => {
    const key = newSecretKey("faults");
    await control("faults", { method: "POST", path: "/v1/payment_intents", count: 1, apiKey: key });
    const stripe = stripeClient(key, { maxNetworkRetries: 2 });
    const pi = await stripe.paymentIntents.create(
      { amount: 1200, currency: "eur", payment_method: "pm_card_visa", confirm: true },
      { idempotencyKey: "invoice-77-attempt-1" },
    );
    expect(pi.status).toBe("succeeded");
    const { data: left } = await control<{ data: { apiKey?: string }[] }>("faults");
    expect(left.filter((f) => f.apiKey === key)).toHaveLength(0);
    expect((await stripe.paymentIntents.list()).data).toHaveLength(1);
    expect((await stripe.charges.list()).data).toHaveLength(1);
    // The same key later replays the result instead of charging again.
    const replay = await stripe.paymentIntents.create(
      { amount: 1200, currency: "eur", payment_method: "pm_card_visa", confirm: true },
      { idempotencyKey: "invoice-77-attempt-1" },
    );
    expect(replay.id).toBe(pi.id);
    expect((await stripe.charges.list()).data).toHaveLength(1);
  });

  it("without retries the fault surfaces as the SDK's API error; a hang times out", async () => {
    const key = newSecretKey("faults");
    const stripe = stripeClient(key);
    await control("faults", { method: "POST", path: "/v1/customers", apiKey: key });
    await expect(stripe.customers.create({ name: "x" })).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect((await stripe.customers.list()).data).toHaveLength(0);

    await control("faults", { method: "GET", path: "/v1/customers/*", kind: "hang", hangMs: 5_000, apiKey: key });
    const impatient = stripeClient(key, { timeout: 300 });
    await expect(impatient.customers.retrieve("cus_whatever")).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    await expect(stripe.customers.retrieve("cus_whatever")).rejects.toMatchObject({ statusCode: 404 });
  });
});
