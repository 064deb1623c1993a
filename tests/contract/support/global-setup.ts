import Stripe from "stripe";
import type { TestProject } from "vitest/node";
import startEmulator from "../../global-setup";
import { CONTRACT_APP_URL, contractKeys, NOT_RUN_REASON } from "./target";

// Endpoints a crashed run left behind are deleted after this long (a running suite's are younger).
const STALE_ENDPOINT_SECONDS = 3_600;

/**
 * The emulator for the emulator target (as `npm test` starts it). For the real target: say
 * plainly when it is not run, and delete webhook endpoints an interrupted earlier run left in
 * the test account (Stripe allows 16 per account), recognised by the suite's URL.
 */
export default async function setup(project: TestProject) {
  const stopEmulator = await startEmulator(project);
  const keys = contractKeys();
  if (!keys) {
    console.warn(`\n[contract] real Stripe target ${NOT_RUN_REASON}. Only the emulator target runs.\n`);
  } else {
    const stripe = new Stripe(keys.secretKey, { maxNetworkRetries: 2 });
    const now = Math.floor(Date.now() / 1000);
    for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) {
      if (endpoint.url.startsWith(`${CONTRACT_APP_URL}/`) && endpoint.created < now - STALE_ENDPOINT_SECONDS) await stripe.webhookEndpoints.del(endpoint.id);
    }
    console.warn(`\n[contract] real Stripe target: test-mode account of ${keys.publishableKey.slice(0, 16)}…\n`);
  }
  return stopEmulator;
}
