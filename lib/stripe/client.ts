import "server-only";
import Stripe from "stripe";
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
