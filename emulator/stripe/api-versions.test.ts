import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { customerWithCard, monthlyPrice } from "./billing/billing-support";
import { control, emulatorUrl, newSecretKey, startWebhookReceiver, stripeClient } from "./test-support";

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((fn) => fn()));
});

/** An account whose default API version is `version`, with one paid subscription; returns its events, oldest first. */
async function accountOn(version: string) {
  const key = newSecretKey("version");
  const stripe = stripeClient(key);
  await control("accounts/api-version", { apiKey: key, version });
  const pinned = await startWebhookReceiver();
  const inDefault = await startWebhookReceiver();
  cleanup.push(pinned.close, inDefault.close);
  await stripe.webhookEndpoints.create({ url: pinned.url, enabled_events: ["invoice.paid"], api_version: Stripe.API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion });
  await stripe.webhookEndpoints.create({ url: inDefault.url, enabled_events: ["invoice.paid"] });
  const price = await monthlyPrice(stripe, 2500);
  const { customer } = await customerWithCard(stripe, "pm_card_visa");
  const subscription = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
  const events: Stripe.Event[] = [];
  for await (const event of stripe.events.list({ limit: 100 })) events.push(event);
  return { key, stripe, subscription, events: events.reverse(), pinned, inDefault };
}

describe("an account's default API version", () => {
  it("events are stored, listed and sent in it: a 2024-06-20 invoice has top-level subscription, payment_intent and charge", async () => {
    const { stripe, subscription, events, pinned, inDefault } = await accountOn("2024-06-20");
    const paid = events.find((e) => e.type === "invoice.paid")!;
    expect(paid.api_version).toBe("2024-06-20");
    const invoice = paid.data.object as unknown as Record<string, unknown>;
    const pi = await stripe.paymentIntents.retrieve(String(invoice.payment_intent));
    expect(invoice).toMatchObject({ id: subscription.latest_invoice, subscription: subscription.id, paid: true, charge: pi.latest_charge, subscription_details: { metadata: {} } });
    expect(invoice).not.toHaveProperty("parent");
    expect((invoice.lines as { data: Record<string, unknown>[] }).data[0]).toMatchObject({ subscription: subscription.id, type: "subscription", proration: false });
    expect(events.find((e) => e.type === "customer.subscription.created")!.data.object).toMatchObject({ current_period_end: subscription.items.data[0].current_period_end });
    expect(events.find((e) => e.type === "payment_intent.succeeded")!.data.object).toMatchObject({ invoice: invoice.id });
    // Retrieving the event gives the same stored shape; the invoice itself answers in the pinned version.
    expect((await stripe.events.retrieve(paid.id)).data.object).toEqual(paid.data.object);
    expect((await stripe.invoices.retrieve(String(invoice.id))).parent?.subscription_details?.subscription).toBe(subscription.id);

    // An endpoint without api_version gets the account's version; one created with the pinned version gets that.
    const [old] = await inDefault.waitFor((r) => r.length === 1);
    expect(old.event).toMatchObject({ id: paid.id, api_version: "2024-06-20", data: { object: { subscription: subscription.id } } });
    const [current] = await pinned.waitFor((r) => r.length === 1);
    expect(current.event).toMatchObject({ id: paid.id, api_version: Stripe.API_VERSION, data: { object: { parent: { subscription_details: { subscription: subscription.id } } } } });
    expect(current.event.data.object).not.toHaveProperty("subscription");
  });

  it("is the pinned version by default; a later change leaves earlier events as they were", async () => {
    const { key, stripe, events } = await accountOn(Stripe.API_VERSION);
    const paid = events.find((e) => e.type === "invoice.paid")!;
    expect(paid).toMatchObject({ api_version: Stripe.API_VERSION, data: { object: { parent: { type: "subscription_details" } } } });
    await control("accounts/api-version", { apiKey: key, version: "2023-10-16" });
    expect((await stripe.events.retrieve(paid.id)).api_version).toBe(Stripe.API_VERSION);
    const customer = await stripe.customers.create({ name: "after" });
    expect((await stripe.events.list({ type: "customer.created", limit: 1 })).data[0]).toMatchObject({ api_version: "2023-10-16", data: { object: { id: customer.id } } });
  });

  it("the control refuses a version Stripe does not have", async () => {
    const res = await fetch(`${emulatorUrl()}/_control/accounts/api-version`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ apiKey: newSecretKey("version"), version: "2024-13-01" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: expect.stringContaining("version must be a Stripe API version") });
  });
});
