import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { stripeConnections } from "@/db/schema";
import { connectStripeAccount } from "@/app/(staff)/settings/stripe/actions";
import type { Env } from "@/lib/env";
import { webhookUrlProblem } from "@/lib/stripe/webhook-endpoint";
import { signedInDojo } from "../support/factories";

// The app as installed against real Stripe: no STRIPE_API_BASE, APP_URL as configured.
const overrides: Partial<Env> = {};
vi.mock("@/lib/env", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/env")>();
  return { ...real, env: () => ({ ...real.env(), ...overrides }) };
});

afterEach(() => {
  for (const key of Object.keys(overrides)) delete overrides[key as keyof Env];
});

const realStripe = (appUrl: string) => Object.assign(overrides, { STRIPE_API_BASE: undefined, APP_URL: appUrl });

describe("connecting real Stripe keys from an address Stripe cannot reach", () => {
  it.each([
    ["http://localhost:3000", /APP_URL\) is http:\/\/localhost:3000, which Stripe cannot reach from the internet/],
    ["https://127.0.0.1:8443", /cannot reach from the internet/],
    ["http://192.168.1.10:3000", /cannot reach from the internet/],
    ["http://tatami.example.com", /APP_URL\) is http:\/\/tatami\.example\.com, and Stripe sends events only to https addresses/],
  ])("APP_URL %s: says so in plain words before calling Stripe, and saves nothing", async (appUrl, why) => {
    const { dojo } = await signedInDojo({ plan: "ultimate" });
    realStripe(appUrl);
    const started = Date.now();
    const result = await connectStripeAccount({ publishableKey: "pk_test_real", secretKey: "sk_test_real", currency: "EUR", attempt: randomUUID() });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(why) });
    if (!result.ok) expect(result.error).toContain("Set APP_URL to the public https address");
    // No round trip to api.stripe.com was attempted (it would take seconds to fail here).
    expect(Date.now() - started).toBeLessThan(2_000);
    const db = await getDb();
    expect(await db.select().from(stripeConnections).where(eq(stripeConnections.dojoId, dojo.id))).toHaveLength(0);
  });

  it("a public https APP_URL, or the emulator, raises no objection", () => {
    realStripe("https://tatami.example.com");
    expect(webhookUrlProblem(randomUUID())).toBeNull();
    Object.assign(overrides, { STRIPE_API_BASE: "http://127.0.0.1:12111", APP_URL: "http://localhost:3000" });
    expect(webhookUrlProblem(randomUUID())).toBeNull();
  });
});
