import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../index";
import { newSecretKey, stripeClient } from "./test-support";

const NOT_PUBLIC = "Invalid URL: URL must be publicly accessible. Consider using a tool like the Stripe CLI to test webhooks locally.";
const EVENTS: Stripe.WebhookEndpointCreateParams.EnabledEvent[] = ["invoice.paid"];

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  return error as Stripe.errors.StripeInvalidRequestError;
}

describe("webhook endpoint URLs, as Stripe checks them", () => {
  // An emulator of this test process, without demo mode: what a real Stripe account answers.
  let strict: RunningEmulator;
  const client = (key: string) => {
    const url = new URL(strict.url);
    return new Stripe(key, { host: url.hostname, port: Number(url.port), protocol: "http", maxNetworkRetries: 0 });
  };
  beforeAll(async () => {
    strict = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await strict.close();
  });

  it.each([
    "http://localhost:3000/api/stripe/webhook/d1",
    "https://localhost/hook",
    "http://app.localhost/hook",
    "http://127.0.0.1:3100/hook",
    "https://10.1.2.3/hook",
    "https://172.20.0.5/hook",
    "https://192.168.1.20/hook",
    "https://169.254.169.254/hook",
    "https://[::1]/hook",
    "https://[fd00::1]/hook",
    "https://0.0.0.0/hook",
  ])("refuses %s for a test key outside demo mode", async (url) => {
    const error = await refusal(client(newSecretKey("strict")).webhookEndpoints.create({ url, enabled_events: EVENTS }));
    expect(error).toMatchObject({ statusCode: 400, code: "url_invalid", param: "url", message: NOT_PUBLIC });
  });

  it("accepts public URLs, http too, for a test key; refuses a private one on update", async () => {
    const stripe = client(newSecretKey("strict"));
    const endpoint = await stripe.webhookEndpoints.create({ url: "http://tatami.example.com/hook", enabled_events: EVENTS });
    expect(endpoint.url).toBe("http://tatami.example.com/hook");
    const error = await refusal(stripe.webhookEndpoints.update(endpoint.id, { url: "http://127.0.0.1/hook" }));
    expect(error).toMatchObject({ code: "url_invalid", param: "url", message: NOT_PUBLIC });
    expect((await stripe.webhookEndpoints.retrieve(endpoint.id)).url).toBe("http://tatami.example.com/hook");
  });

  it("live keys need HTTPS and a public host", async () => {
    const stripe = client(`sk_live_${newSecretKey("live").slice(8)}`);
    const http = await refusal(stripe.webhookEndpoints.create({ url: "http://tatami.example.com/hook", enabled_events: EVENTS }));
    expect(http).toMatchObject({ code: "url_invalid", param: "url", message: "Invalid URL: URL must use HTTPS in live mode." });
    const local = await refusal(stripe.webhookEndpoints.create({ url: "https://localhost/hook", enabled_events: EVENTS }));
    expect(local).toMatchObject({ code: "url_invalid", message: NOT_PUBLIC });
    expect((await stripe.webhookEndpoints.create({ url: "https://tatami.example.com/hook", enabled_events: EVENTS })).livemode).toBe(true);
  });
});

describe("webhook endpoints in demo mode (the suite's emulator)", () => {
  it("test keys may use local URLs, live keys still may not", async () => {
    const endpoint = await stripeClient(newSecretKey("demo")).webhookEndpoints.create({ url: "http://127.0.0.1:3100/hook", enabled_events: EVENTS });
    expect(endpoint.status).toBe("enabled");
    const error = await refusal(stripeClient(`sk_live_${newSecretKey("demo").slice(8)}`).webhookEndpoints.create({ url: "http://127.0.0.1:3100/hook", enabled_events: EVENTS }));
    expect(error).toMatchObject({ code: "url_invalid", message: NOT_PUBLIC });
  });

  it("refuses event types Stripe does not have, on create and on update, naming the entry", async () => {
    const stripe = stripeClient(newSecretKey("events"));
    const bad = ["invoice.paid", "invoice.pay"] as unknown as Stripe.WebhookEndpointCreateParams.EnabledEvent[];
    const error = await refusal(stripe.webhookEndpoints.create({ url: "https://tatami.example.com/hook", enabled_events: bad }));
    // Stripe answers an invalid enum value without a code (see emulator/README.md, "Request validation").
    expect(error).toMatchObject({ statusCode: 400, code: undefined, param: "enabled_events[1]" });
    expect(error.message).toMatch(/^Invalid enabled_events\[1\]: must be one of \*, account\.application\.authorized, /);
    expect(error.message).toContain(", invoice.paid, ");

    const endpoint = await stripe.webhookEndpoints.create({ url: "https://tatami.example.com/hook", enabled_events: ["*"] });
    const onUpdate = await refusal(stripe.webhookEndpoints.update(endpoint.id, { enabled_events: ["customer.nonsense"] as unknown as Stripe.WebhookEndpointUpdateParams.EnabledEvent[] }));
    expect(onUpdate).toMatchObject({ param: "enabled_events[0]" });
    expect((await stripe.webhookEndpoints.retrieve(endpoint.id)).enabled_events).toEqual(["*"]);
  });
});
