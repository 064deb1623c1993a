import { randomBytes } from "node:crypto";
import type { FrameLocator, Page } from "@playwright/test";
import Stripe from "stripe";
import { emulatorUrl } from "../support/emulator";

/** The emulator started by playwright.config.ts's webServer (E2E_ONLY_EMULATOR=1 runs only it): its API and its public URL. */
export { emulatorPublicUrl, emulatorUrl } from "../support/emulator";

/** A fresh account per test: `sk_test_<x>` with its publishable twin `pk_test_<x>`. */
export function newAccount(label: string): { secretKey: string; publishableKey: string; stripe: Stripe } {
  const suffix = `${label}_${randomBytes(6).toString("hex")}`;
  const base = new URL(emulatorUrl);
  const secretKey = `sk_test_${suffix}`;
  return {
    secretKey,
    publishableKey: `pk_test_${suffix}`,
    stripe: new Stripe(secretKey, { host: base.hostname, port: Number(base.port), protocol: "http", maxNetworkRetries: 0 }),
  };
}

/** Fills the emulator's card form (hosted/embedded Checkout or the hosted invoice page). */
export async function fillCard(scope: Page | FrameLocator, card: string, opts: { email?: string } = {}): Promise<void> {
  if (opts.email) await scope.getByLabel("Email").fill(opts.email);
  await scope.getByLabel("Card number").fill(card);
  await scope.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await scope.getByLabel("CVC").fill("123");
  await scope.getByLabel("Cardholder name").fill("Jenny Rosen");
}
