import Stripe from "stripe";
import { newSecretKey, stripeClient } from "@tatami/stripe-emulator/test-support";

/**
 * Where a contract run sends the app's Stripe requests. The same tests run against both:
 * the emulator always, a real Stripe account in test mode when its keys are given.
 */
export type TargetKind = "emulator" | "stripe";

export const CONTRACT_KEY_VARIABLES = "STRIPE_CONTRACT_SECRET_KEY and STRIPE_CONTRACT_PUBLISHABLE_KEY";
export const NOT_RUN_REASON = `not run: set ${CONTRACT_KEY_VARIABLES} (keys of a Stripe account in test mode)`;

/**
 * APP_URL on real Stripe: webhook endpoints need a public https URL (Stripe refuses localhost),
 * and nothing must answer there. The path marks endpoints as this suite's for the sweep.
 */
export const CONTRACT_APP_URL = "https://example.com/tatami-contract";

export interface ContractTarget {
  kind: TargetKind;
  label: string;
  /** False only for real Stripe without keys: its tests are reported as not run, never passed. */
  runnable: boolean;
  /** A dojo's Stripe secret key: a fresh emulator account, or the one real test account. */
  secretKey(): string;
  publishableKey(secretKey: string): string;
  /**
   * A client outside the app (not recorded as an app operation): what a person does in the
   * Stripe dashboard, and how a test reads what the app left in Stripe.
   */
  admin(secretKey: string): Stripe;
  /** How long Stripe may take before a new object shows in a list (events). */
  settleMs: number;
  testTimeoutMs: number;
}

export function targetKind(): TargetKind {
  const kind = process.env.CONTRACT_TARGET;
  if (kind !== "emulator" && kind !== "stripe") throw new Error(`CONTRACT_TARGET must be "emulator" or "stripe" (got ${kind ?? "nothing"}): run the suite with npm run test:contract`);
  return kind;
}

/** The real account's keys, refused unless both are test-mode keys. Null when not given. */
export function contractKeys(): { secretKey: string; publishableKey: string } | null {
  const secretKey = process.env.STRIPE_CONTRACT_SECRET_KEY?.trim();
  const publishableKey = process.env.STRIPE_CONTRACT_PUBLISHABLE_KEY?.trim();
  if (!secretKey || !publishableKey) return null;
  if (!/^(sk|rk)_test_/.test(secretKey) || !/^pk_test_/.test(publishableKey)) {
    throw new Error(`${CONTRACT_KEY_VARIABLES} must be test-mode keys (sk_test_/rk_test_ and pk_test_): the contract suite creates and deletes objects`);
  }
  return { secretKey, publishableKey };
}

export function contractTarget(): ContractTarget {
  if (targetKind() === "emulator") {
    return {
      kind: "emulator",
      label: "emulator",
      runnable: true,
      secretKey: () => newSecretKey("contract"),
      publishableKey: (secretKey) => secretKey.replace(/^sk_/, "pk_"),
      admin: (secretKey) => stripeClient(secretKey),
      settleMs: 10_000,
      testTimeoutMs: 60_000,
    };
  }
  const keys = contractKeys();
  const missing = () => {
    throw new Error(`real Stripe target ${NOT_RUN_REASON}`);
  };
  return {
    kind: "stripe",
    label: "real Stripe test mode",
    runnable: keys !== null,
    secretKey: () => keys?.secretKey ?? missing(),
    publishableKey: () => keys?.publishableKey ?? missing(),
    admin: (secretKey) => new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 30_000 }),
    settleMs: 90_000,
    testTimeoutMs: 300_000,
  };
}

/** Polls until `read` returns something (Stripe lists catch up with writes after a moment). */
export async function eventually<T>(what: string, read: () => Promise<T | null | undefined>, timeoutMs = contractTarget().settleMs): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    const value = await read();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what}: not there after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, wait));
  }
}
