import "server-only";
import Stripe from "stripe";
import { decryptSecret } from "@/lib/crypto";
import { env } from "@/lib/env";

// Where the SDK sends requests: api.stripe.com, or the emulator named by STRIPE_API_BASE.
// The only place that knows the difference; domain code just asks for a client.
function hostOptions(): Pick<Stripe.StripeConfig, "host" | "port" | "protocol"> {
  const base = env().STRIPE_API_BASE;
  if (!base) return {};
  const url = new URL(base);
  return { host: url.hostname, port: Number(url.port || (url.protocol === "https:" ? 443 : 80)), protocol: url.protocol.replace(":", "") as "http" | "https" };
}

/** A Stripe client for one account's secret key (a dojo's, or the platform's). */
export function stripeFor(secretKey: string): Stripe {
  return new Stripe(secretKey, {
    ...hostOptions(),
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Tatami" },
  });
}

// Building a client costs about 1–2 ms of CPU (the SDK sets up every resource), which a webhook
// delivery paid each time. Clients of stored keys are kept a while, keyed by the sealed key
// itself: every encryption has a fresh IV, so a changed key (reconnect, account switch) is a
// new entry and the old one is never used again. The plaintext key lives only inside the SDK
// client, at most KEEP_MS after it was first decrypted, for at most KEEP dojos (oldest dropped).
const KEEP = 200;
const KEEP_MS = 10 * 60_000;
const kept = new Map<string, { stripe: Stripe; until: number }>();

/** The Stripe client for a key as stored (decryptSecret's input), made once per key and reused for a while. */
export function stripeForSealedKey(sealedKey: string, now = Date.now()): Stripe {
  const hit = kept.get(sealedKey);
  if (hit && hit.until > now) return hit.stripe;
  kept.delete(sealedKey);
  if (kept.size >= KEEP) kept.delete(kept.keys().next().value!);
  const stripe = stripeFor(decryptSecret(sealedKey));
  kept.set(sealedKey, { stripe, until: now + KEEP_MS });
  return stripe;
}
