import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { control, emulatorUrl, newSecretKey, stripeClient } from "./test-support";

describe("Stripe API basics through the real SDK", () => {
  it("answers 401 for a malformed key and for a revoked key", async () => {
    const bad = stripeClient("sk_bad");
    await expect(bad.customers.list()).rejects.toMatchObject({ type: "StripeAuthenticationError", statusCode: 401, message: expect.stringContaining("Invalid API Key provided") });

    const key = newSecretKey("revoked");
    await stripeClient(key).customers.create({ email: "a@example.com" });
    await control("keys/revoke", { apiKey: key });
    await expect(stripeClient(key).customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("answers 401 without a key and for a publishable key on a secret endpoint", async () => {
    const res = await fetch(`${emulatorUrl()}/v1/customers`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { type: "invalid_request_error", message: expect.stringContaining("You did not provide an API key") } });
    await expect(stripeClient("pk_test_abc").customers.list()).rejects.toMatchObject({ statusCode: 401 });
  });

  it("answers 404 resource_missing with the param, and 400 invalid_request_error with param", async () => {
    const stripe = stripeClient(newSecretKey());
    const missing = await stripe.customers.retrieve("cus_nope").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id", message: "No such customer: 'cus_nope'" });

    const bad = await stripe.paymentIntents.create({ currency: "eur" } as Stripe.PaymentIntentCreateParams).catch((e: unknown) => e);
    expect(bad).toMatchObject({ type: "StripeInvalidRequestError", statusCode: 400, code: "parameter_missing", param: "amount" });
    const small = await stripe.paymentIntents.create({ amount: 10, currency: "eur" }).catch((e: unknown) => e);
    expect(small).toMatchObject({ code: "amount_too_small", param: "amount" });
  });

  it("returns Request-Id and decodes nested parameters (metadata, arrays, nested hashes)", async () => {
    const stripe = stripeClient(newSecretKey());
    const customer = await stripe.customers.create({
      email: "jenny@example.com",
      name: "Jenny Rosen",
      metadata: { member: "m_1", dojo: "north" },
      address: { city: "Ghent", country: "BE", line1: "Main 1" },
      preferred_locales: ["nl", "en"],
    });
    expect(customer.lastResponse.requestId).toMatch(/^req_/);
    expect(customer).toMatchObject({ object: "customer", metadata: { member: "m_1", dojo: "north" }, address: { city: "Ghent", country: "BE" }, preferred_locales: ["nl", "en"] });

    const updated = await stripe.customers.update(customer.id, { metadata: { dojo: "", belt: "blue" } });
    expect(updated.metadata).toEqual({ member: "m_1", belt: "blue" });
  });

  it("paginates lists with limit, starting_after, ending_before and has_more", async () => {
    const stripe = stripeClient(newSecretKey());
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await stripe.customers.create({ name: `c${i}` })).id);
    const newestFirst = [...ids].reverse();
    const page1 = await stripe.customers.list({ limit: 2 });
    expect(page1).toMatchObject({ object: "list", has_more: true, url: "/v1/customers" });
    expect(page1.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    const page2 = await stripe.customers.list({ limit: 2, starting_after: page1.data[1].id });
    expect(page2.data.map((c) => c.id)).toEqual(newestFirst.slice(2, 4));
    const last = await stripe.customers.list({ limit: 2, starting_after: page2.data[1].id });
    expect(last.data.map((c) => c.id)).toEqual(newestFirst.slice(4));
    expect(last.has_more).toBe(false);
    const before = await stripe.customers.list({ limit: 2, ending_before: page2.data[0].id });
    expect(before.data.map((c) => c.id)).toEqual(newestFirst.slice(0, 2));
    const all: string[] = [];
    for await (const c of stripe.customers.list({ limit: 2 })) all.push(c.id);
    expect(all).toEqual(newestFirst);
  });

  it("expands ids into objects, nested with dots and inside lists", async () => {
    const stripe = stripeClient(newSecretKey());
    const customer = await stripe.customers.create({ email: "x@example.com" });
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: "eur",
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
      expand: ["latest_charge.balance_transaction", "payment_method", "customer"],
    });
    const charge = pi.latest_charge as Stripe.Charge;
    expect(charge.object).toBe("charge");
    expect((charge.balance_transaction as Stripe.BalanceTransaction).object).toBe("balance_transaction");
    expect((pi.payment_method as Stripe.PaymentMethod).card?.last4).toBe("4242");
    expect((pi.customer as Stripe.Customer).email).toBe("x@example.com");

    const list = await stripe.paymentIntents.list({ customer: customer.id, expand: ["data.latest_charge"] });
    expect((list.data[0].latest_charge as Stripe.Charge).id).toBe(charge.id);
    const notExpandable = await stripe.paymentIntents.retrieve(pi.id, { expand: ["nonsense"] }).catch((e: unknown) => e);
    expect(notExpandable).toMatchObject({ statusCode: 400, param: "expand" });
  });

  it("replays an idempotent request and rejects a reused key with other parameters", async () => {
    const stripe = stripeClient(newSecretKey());
    const first = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "member-1" });
    const again = await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "member-1" });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect((await stripe.customers.list()).data).toHaveLength(1);

    const mismatch = await stripe.customers.create({ email: "other@example.com" }, { idempotencyKey: "member-1" }).catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(mismatch).toMatchObject({ statusCode: 400, message: expect.stringContaining("Keys for idempotent requests can only be used with the same parameters") });

    const otherEndpoint = await stripe.products.create({ name: "x" }, { idempotencyKey: "member-1" }).catch((e: unknown) => e);
    expect(otherEndpoint).toMatchObject({ type: "StripeIdempotencyError", message: expect.stringContaining("same endpoint") });
  });

  it("replays a card error for the same idempotency key without charging again", async () => {
    const stripe = stripeClient(newSecretKey());
    const params = { amount: 1500, currency: "eur", payment_method: "pm_card_chargeDeclined", confirm: true };
    const e1 = await stripe.paymentIntents.create(params, { idempotencyKey: "pay-1" }).catch((e: Stripe.errors.StripeCardError) => e);
    const e2 = await stripe.paymentIntents.create(params, { idempotencyKey: "pay-1" }).catch((e: Stripe.errors.StripeCardError) => e);
    expect(e1).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect((e2 as Stripe.errors.StripeCardError).payment_intent?.id).toBe((e1 as Stripe.errors.StripeCardError).payment_intent?.id);
    expect((await stripe.charges.list()).data).toHaveLength(1);
  });

  it("keeps accounts isolated: one key's objects are 404 for another", async () => {
    const a = stripeClient(newSecretKey("a"));
    const b = stripeClient(newSecretKey("b"));
    const customer = await a.customers.create({ email: "only-a@example.com" });
    await expect(b.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
    expect((await b.customers.list()).data).toHaveLength(0);
    const [accA, accB] = await Promise.all([a.accounts.retrieveCurrent(), b.accounts.retrieveCurrent()]);
    expect(accA.id).not.toBe(accB.id);
    expect((await a.accounts.retrieve(accA.id)).id).toBe(accA.id);
    await expect(a.accounts.retrieve(accB.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("derives the account from the key: rk_ shares sk_'s account, live keys are live mode", async () => {
    const suffix = newSecretKey("shared").slice("sk_test_".length);
    const secret = stripeClient(`sk_test_${suffix}`);
    const restricted = stripeClient(`rk_test_${suffix}`);
    const customer = await secret.customers.create({ name: "Shared" });
    expect((await restricted.customers.retrieve(customer.id)).id).toBe(customer.id);
    const account = await secret.accounts.retrieveCurrent();
    expect(account.settings?.dashboard.display_name).toBe(`Emulator account ${suffix}`);
    expect(account.business_profile?.name).toBe(`Emulator account ${suffix}`);

    const live = stripeClient(`sk_live_${suffix}`);
    const liveCustomer = await live.customers.create({ name: "Live" });
    expect(liveCustomer.livemode).toBe(true);
    await expect(live.customers.retrieve(customer.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it("answers the balance and keeps deleted customers retrievable as deleted", async () => {
    const stripe = stripeClient(newSecretKey());
    await stripe.paymentIntents.create({ amount: 10000, currency: "usd", payment_method: "pm_card_visa", confirm: true });
    const balance = await stripe.balance.retrieve();
    expect(balance.available).toEqual([expect.objectContaining({ currency: "usd", amount: 10000 - 320 })]);

    const customer = await stripe.customers.create({ name: "Gone" });
    const deleted = await stripe.customers.del(customer.id);
    expect(deleted).toMatchObject({ id: customer.id, deleted: true });
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ deleted: true });
    expect((await stripe.customers.list()).data).toHaveLength(0);
  });

  it("answers unknown URLs with Stripe's 404", async () => {
    const res = await fetch(`${emulatorUrl()}/v1/nothing_here`, { headers: { authorization: `Bearer ${newSecretKey()}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get("request-id")).toMatch(/^req_/);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("Unrecognized request URL");
  });
});
