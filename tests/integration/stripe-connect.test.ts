import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { stripeConnections } from "@/db/schema";
import { connectStripeAccount, disconnectStripeAccount } from "@/app/(staff)/settings/stripe/actions";
import { control, newSecretKey, stripeClient } from "@tatami/stripe-emulator/test-support";
import { decryptSecret } from "@/lib/crypto";
import { ENABLED_EVENTS } from "@/lib/stripe/webhooks/enabled-events";
import { signedInDojo } from "../support/factories";

const pkFor = (sk: string) => sk.replace(/^sk_/, "pk_");
const connectInput = (sk: string, overrides: Partial<Parameters<typeof connectStripeAccount>[0]> = {}) => ({
  publishableKey: pkFor(sk),
  secretKey: sk,
  currency: "EUR",
  attempt: randomUUID(),
  ...overrides,
});

async function connectionRow(dojoId: string) {
  const db = await getDb();
  const [row] = await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojoId));
  return row;
}

/** Endpoints that exist in the emulator account of a key (read with its restricted twin, which works even when the secret key was revoked). */
async function endpointsOf(sk: string) {
  const { data } = await stripeClient(sk.replace(/^sk_/, "rk_")).webhookEndpoints.list({ limit: 100 });
  return data;
}

describe("connecting Stripe", () => {
  it("checks the keys, creates the webhook endpoint and stores the secrets encrypted", async () => {
    const { dojo, user } = await signedInDojo({ plan: "ultimate", currency: "EUR" });
    const sk = newSecretKey("connect");

    const result = await connectStripeAccount(connectInput(sk, { currency: "usd" }));
    expect(result).toMatchObject({ ok: true });

    const account = await stripeClient(sk).accounts.retrieveCurrent();
    const row = await connectionRow(dojo.id);
    expect(row).toMatchObject({ accountId: account.id, accountName: account.business_profile?.name, livemode: false, currency: "USD", publishableKey: pkFor(sk), connectedBy: user.id, lastEventAt: null });
    expect(row.webhookUrl).toBe(`${process.env.APP_URL}/api/stripe/webhook/${dojo.id}`);

    const [endpoint] = await endpointsOf(sk);
    expect(endpoint).toMatchObject({ id: row.webhookEndpointId, url: row.webhookUrl, status: "enabled", metadata: { tatami_dojo_id: dojo.id } });
    expect([...endpoint.enabled_events].sort()).toEqual([...ENABLED_EVENTS].sort());

    // Neither secret appears in the stored row; both decrypt with the app's key.
    const db = await getDb();
    const raw = await db.execute(sql`select row_to_json(c)::text as json from stripe_connections c where dojo_id = ${dojo.id}`);
    const json = String((raw as unknown as { rows?: { json: string }[] }).rows?.[0]?.json ?? (raw as unknown as { json: string }[])[0]?.json);
    expect(json).toContain(dojo.id);
    expect(json).not.toContain(sk);
    expect(json).not.toContain("sk_test_");
    expect(json).not.toContain("whsec_");
    expect(decryptSecret(row.secretKeyEnc)).toBe(sk);
    expect(decryptSecret(row.webhookSecretEnc!)).toMatch(/^whsec_/);
  });

  it("refuses a secret key Stripe rejects, with a field error, and saves nothing", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("revoked");
    await control("keys/revoke", { apiKey: sk });

    const result = await connectStripeAccount(connectInput(sk));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.secretKey?.[0]).toMatch(/did not accept this secret key/);
    expect(await connectionRow(dojo.id)).toBeUndefined();
    expect(await endpointsOf(sk)).toHaveLength(0);
  });

  it("refuses keys of different modes and malformed keys before calling Stripe", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("mode");

    const mismatch = await connectStripeAccount(connectInput(sk, { publishableKey: pkFor(sk).replace("_test_", "_live_") }));
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) expect(mismatch.fieldErrors?.publishableKey?.[0]).toMatch(/live key but the secret key is a test key/);

    const swapped = await connectStripeAccount(connectInput(sk, { publishableKey: sk, secretKey: pkFor(sk) }));
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) {
      expect(swapped.fieldErrors?.publishableKey).toBeDefined();
      expect(swapped.fieldErrors?.secretKey).toBeDefined();
    }

    expect(await connectionRow(dojo.id)).toBeUndefined();
    expect(await endpointsOf(sk)).toHaveLength(0);
  });

  it("refuses a publishable key of another Stripe account next to its field, and leaves nothing behind", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("pair");
    const result = await connectStripeAccount(connectInput(sk, { publishableKey: pkFor(newSecretKey("other")) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.publishableKey?.[0]).toMatch(/belongs to another Stripe account than the secret key/);
    expect(await connectionRow(dojo.id)).toBeUndefined();
    expect(await endpointsOf(sk)).toHaveLength(0);
    // The check's SetupIntent, made without any card, is cancelled again.
    const probes = (await stripeClient(sk).setupIntents.list({ limit: 10 })).data;
    expect(probes.map((si) => si.status)).toEqual(["canceled"]);

    expect(await connectStripeAccount(connectInput(sk))).toMatchObject({ ok: true });
  });

  it("accepts a restricted key", async () => {
    const { dojo } = await signedInDojo();
    const rk = newSecretKey("restricted").replace(/^sk_/, "rk_");
    const result = await connectStripeAccount(connectInput(rk, { publishableKey: rk.replace(/^rk_/, "pk_") }));
    expect(result).toMatchObject({ ok: true });
    expect(decryptSecret((await connectionRow(dojo.id)).secretKeyEnc)).toBe(rk);
  });

  it("saves nothing when Stripe fails while creating the endpoint", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("fault");
    // The first try and both SDK retries answer 500.
    await control("faults", { method: "POST", path: "/v1/webhook_endpoints", count: 3, status: 500, apiKey: sk });

    const result = await connectStripeAccount(connectInput(sk));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/Nothing was saved/) });
    expect(await connectionRow(dojo.id)).toBeUndefined();
    expect(await endpointsOf(sk)).toHaveLength(0);
  });

  it("deletes the new endpoint again when saving fails", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("savefail");
    const db = await getDb();
    const spy = vi.spyOn(db, "transaction").mockRejectedValueOnce(new Error("database went away"));
    try {
      const result = await connectStripeAccount(connectInput(sk));
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/nothing was saved/) });
    } finally {
      spy.mockRestore();
    }
    expect(await connectionRow(dojo.id)).toBeUndefined();
    expect(await endpointsOf(sk)).toHaveLength(0);
  });

  it("creates one endpoint for a double submit of the same form", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("double");
    const input = connectInput(sk);
    const results = await Promise.all([connectStripeAccount(input), connectStripeAccount(input)]);
    // The second may be told the first is still running (Stripe's 409), never get a second endpoint.
    expect(results.some((r) => r.ok)).toBe(true);
    const endpoints = await endpointsOf(sk);
    expect(endpoints).toHaveLength(1);
    expect((await connectionRow(dojo.id)).webhookEndpointId).toBe(endpoints[0].id);
  });

  it("replaces the previous endpoint on reconnect, also in another Stripe account", async () => {
    const { dojo } = await signedInDojo();
    const first = newSecretKey("first");
    const second = newSecretKey("second");

    expect(await connectStripeAccount(connectInput(first))).toMatchObject({ ok: true });
    const [old] = await endpointsOf(first);
    expect(await connectStripeAccount(connectInput(first))).toMatchObject({ ok: true });
    const sameAccount = await endpointsOf(first);
    expect(sameAccount).toHaveLength(1);
    expect(sameAccount[0].id).not.toBe(old.id);

    expect(await connectStripeAccount(connectInput(second))).toMatchObject({ ok: true });
    expect(await endpointsOf(first)).toHaveLength(0);
    const [current] = await endpointsOf(second);
    const row = await connectionRow(dojo.id);
    expect(row.webhookEndpointId).toBe(current.id);
    expect(decryptSecret(row.secretKeyEnc)).toBe(second);
  });

  it("is refused on the Pro plan and for managers, without touching Stripe", async () => {
    const sk = newSecretKey("refused");

    const pro = await signedInDojo({ plan: "pro" });
    const onPro = await connectStripeAccount(connectInput(sk));
    expect(onPro).toMatchObject({ ok: false, error: expect.stringMatching(/Ultimate plan/) });
    expect(await disconnectStripeAccount({})).toMatchObject({ ok: false, error: expect.stringMatching(/Ultimate plan/) });
    expect(await connectionRow(pro.dojo.id)).toBeUndefined();

    const manager = await signedInDojo({ role: "manager" });
    expect(await connectStripeAccount(connectInput(sk))).toMatchObject({ ok: false, error: "Your role does not allow this." });
    expect(await disconnectStripeAccount({})).toMatchObject({ ok: false, error: "Your role does not allow this." });
    expect(await connectionRow(manager.dojo.id)).toBeUndefined();

    await signedInDojo({ role: "staff" });
    expect(await connectStripeAccount(connectInput(sk))).toMatchObject({ ok: false, error: "Your role does not allow this." });

    expect(await endpointsOf(sk)).toHaveLength(0);
  });
});

describe("disconnecting Stripe", () => {
  it("deletes the endpoint in Stripe and the connection", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("disconnect");
    expect(await connectStripeAccount(connectInput(sk))).toMatchObject({ ok: true });
    const { webhookEndpointId } = await connectionRow(dojo.id);

    expect(await disconnectStripeAccount({})).toMatchObject({ ok: true });
    expect(await connectionRow(dojo.id)).toBeUndefined();
    await expect(stripeClient(sk).webhookEndpoints.retrieve(webhookEndpointId!)).rejects.toMatchObject({ statusCode: 404 });
    expect(await disconnectStripeAccount({})).toMatchObject({ ok: false, error: "Stripe is not connected." });
  });

  it("tolerates an endpoint already deleted in Stripe, or a key revoked since", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("gone");
    expect(await connectStripeAccount(connectInput(sk))).toMatchObject({ ok: true });
    await stripeClient(sk).webhookEndpoints.del((await connectionRow(dojo.id)).webhookEndpointId!);
    expect(await disconnectStripeAccount({})).toMatchObject({ ok: true });
    expect(await connectionRow(dojo.id)).toBeUndefined();

    const revoked = newSecretKey("revokedlater");
    expect(await connectStripeAccount(connectInput(revoked))).toMatchObject({ ok: true });
    await control("keys/revoke", { apiKey: revoked });
    expect(await disconnectStripeAccount({})).toMatchObject({ ok: true });
    expect(await connectionRow(dojo.id)).toBeUndefined();
  });

  it("changes nothing when Stripe cannot be reached", async () => {
    const { dojo } = await signedInDojo();
    const sk = newSecretKey("down");
    expect(await connectStripeAccount(connectInput(sk))).toMatchObject({ ok: true });
    await control("faults", { method: "DELETE", path: "/v1/webhook_endpoints/*", count: 3, status: 500, apiKey: sk });

    expect(await disconnectStripeAccount({})).toMatchObject({ ok: false, error: expect.stringMatching(/Nothing was changed/) });
    expect(await connectionRow(dojo.id)).toBeDefined();
    expect(await endpointsOf(sk)).toHaveLength(1);
  });
});
