import { vi } from "vitest";
import { CONTRACT_APP_URL, contractKeys, targetKind } from "./target";

// Runs in each contract test worker before tests/support/setup-db.ts and before any app module
// reads the environment (lib/env.ts parses it once, on first use).
if (targetKind() === "stripe") {
  // The SDK's default host, api.stripe.com; Stripe.js from js.stripe.com.
  delete process.env.STRIPE_API_BASE;
  delete process.env.STRIPE_JS_URL;
  const keys = contractKeys();
  if (keys) {
    // One test account plays both parts: the dojos' accounts and Tatami's own (plan billing).
    process.env.PLATFORM_STRIPE_SECRET_KEY = keys.secretKey;
    process.env.PLATFORM_STRIPE_PUBLISHABLE_KEY = keys.publishableKey;
  }
}
// Both targets get the same public https URL: Stripe refuses webhook endpoints on localhost,
// and the emulator is held to what Stripe accepts.
process.env.APP_URL = CONTRACT_APP_URL;

// Every Stripe client the app makes goes through stripeFor or stripeForSealedKey (a kept client,
// wrapped anew on each call): record what it asks Stripe to do.
vi.mock("@/lib/stripe/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/stripe/client")>();
  const { recordOperations } = await import("./recorder");
  return {
    ...actual,
    stripeFor: (secretKey: string) => recordOperations(actual.stripeFor(secretKey)),
    stripeForSealedKey: (sealedKey: string, now?: number) => recordOperations(actual.stripeForSealedKey(sealedKey, now)),
  };
});
