import "server-only";
import { createHash } from "node:crypto";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { isPrivateHost } from "@/lib/private-host";
import { isAuthenticationError, isMissingInStripe } from "./errors";
import { ENABLED_EVENTS } from "./webhooks/enabled-events";

/** Where Stripe sends a dojo's events. */
export function webhookUrlFor(dojoId: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/api/stripe/webhook/${dojoId}`;
}

/**
 * Why Stripe would refuse the dojo's webhook URL (the origin, and whether it is local), or null. Stripe sends events
 * only to an https address it can reach from the internet, so an installation whose APP_URL is
 * http or local cannot connect a real Stripe account. The emulator (STRIPE_API_BASE) runs next to
 * the app and accepts local addresses in its demo mode, so it is not asked.
 */
export function webhookUrlProblem(dojoId: string): { origin: string; local: boolean } | null {
  if (env().STRIPE_API_BASE) return null;
  const url = new URL(webhookUrlFor(dojoId));
  const local = isPrivateHost(url.hostname);
  if (!local && url.protocol === "https:") return null;
  return { origin: url.origin, local };
}

/**
 * Creates the dojo's endpoint. The idempotency key is derived from our own ids, so a retried or
 * double-submitted connect gets the same endpoint back instead of a second one.
 */
export async function createWebhookEndpoint(stripe: Stripe, opts: { dojoId: string; dojoName: string; idempotencyKey: string }) {
  return stripe.webhookEndpoints.create(
    {
      url: webhookUrlFor(opts.dojoId),
      enabled_events: [...ENABLED_EVENTS],
      // Events are rendered in the API version this SDK is typed for.
      api_version: Stripe.API_VERSION as Stripe.WebhookEndpointCreateParams.ApiVersion,
      description: `Tatami: ${opts.dojoName}`.slice(0, 500),
      metadata: { tatami_dojo_id: opts.dojoId },
    },
    { idempotencyKey: opts.idempotencyKey },
  );
}

/**
 * Deletes an endpoint we no longer use. Already gone, or the key no longer works (rolled in the
 * dashboard): nothing left for us to do. Other failures are thrown for the caller to decide.
 */
export async function deleteWebhookEndpoint(stripe: Stripe, endpointId: string): Promise<"deleted" | "gone"> {
  try {
    await stripe.webhookEndpoints.del(endpointId);
    return "deleted";
  } catch (error) {
    if (isMissingInStripe(error) || isAuthenticationError(error)) return "gone";
    throw error;
  }
}

/** Best-effort cleanup where a failure must not hide the error that caused it. */
export async function deleteWebhookEndpointQuietly(stripe: Stripe, endpointId: string): Promise<void> {
  try {
    await deleteWebhookEndpoint(stripe, endpointId);
  } catch (error) {
    console.error(`Could not delete Stripe webhook endpoint ${endpointId}; delete it in the Stripe dashboard.`, error);
  }
}

/**
 * Subscribes an existing endpoint to every event this version handles. Endpoints created by an
 * older version miss the events added since (subscriptions, refunds); reconciliation calls
 * this so those dojos need not reconnect. Returns the events that were added.
 */
export async function syncWebhookEvents(stripe: Stripe, endpointId: string): Promise<string[]> {
  const endpoint = await stripe.webhookEndpoints.retrieve(endpointId);
  if (endpoint.enabled_events.includes("*")) return [];
  const missing = ENABLED_EVENTS.filter((type) => !endpoint.enabled_events.includes(type));
  if (missing.length === 0) return [];
  const events = [...new Set([...endpoint.enabled_events, ...ENABLED_EVENTS])] as Stripe.WebhookEndpointUpdateParams.EnabledEvent[];
  await stripe.webhookEndpoints.update(endpointId, { enabled_events: events }, { idempotencyKey: `tatami-webhook-events:${endpointId}:${createHash("sha256").update([...events].sort().join(",")).digest("hex").slice(0, 32)}` });
  return missing;
}
