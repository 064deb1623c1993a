import "server-only";
import type Stripe from "stripe";
import { refused } from "@/lib/errors";
import { env } from "@/lib/env";
import { stripeFor } from "./client";

// Tatami's own Stripe account (not a dojo's): it bills the dojos for their plan.

export function platformBillingConfigured(): boolean {
  return !!env().PLATFORM_STRIPE_SECRET_KEY;
}

export function platformStripe(): Stripe {
  const key = env().PLATFORM_STRIPE_SECRET_KEY;
  if (!key) throw refused("stripe.platform_key_missing", { key: "PLATFORM_STRIPE_SECRET_KEY" });
  return stripeFor(key);
}

/** For Stripe.js in the browser (embedded Checkout of the platform account). */
export function platformPublishableKey(): string {
  const pk = env().PLATFORM_STRIPE_PUBLISHABLE_KEY;
  if (pk) return pk;
  throw refused("stripe.platform_key_missing", { key: "PLATFORM_STRIPE_PUBLISHABLE_KEY" });
}
