import Stripe from "stripe";
import type { Account } from "../accounts";
import { emulatorConfig } from "../config";
import { isPrivateHost } from "../../../lib/private-host";
import { invalidParam } from "../errors";
import { newId, nowSeconds, randomToken } from "../ids";
import { paginate } from "../list";
import type { Params } from "../params";
import { route } from "../route";

// Stripe answers this for endpoints it cannot reach from the internet (localhost, private
// networks), in test mode as in live mode: https://docs.stripe.com/webhooks#receive-events
const NOT_PUBLIC = "Invalid URL: URL must be publicly accessible. Consider using a tool like the Stripe CLI to test webhooks locally.";
// Stripe delivers to HTTPS endpoints (https://docs.stripe.com/webhooks); live mode insists. Test mode
// also accepts http to a public host. The wording of this refusal is the emulator's own.
const NOT_HTTPS = "Invalid URL: URL must use HTTPS in live mode.";

/**
 * Stripe must be able to reach the endpoint: no localhost or private addresses, and HTTPS in live
 * mode. The emulator's demo mode (npm run dev, the tests) lets test keys use local URLs, since
 * there the app runs next to the emulator.
 */
function validUrl(account: Account, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error();
  } catch {
    throw invalidParam("url", "Invalid URL: must be an absolute http or https URL.", "url_invalid");
  }
  if (!account.livemode && emulatorConfig.demo) return value;
  if (isPrivateHost(url.hostname)) throw invalidParam("url", NOT_PUBLIC, "url_invalid");
  if (account.livemode && url.protocol !== "https:") throw invalidParam("url", NOT_HTTPS, "url_invalid");
  return value;
}

// Unknown event types never get here: the request schema (schema/) refuses them with Stripe's message.
function enabledEvents(params: Params): string[] {
  const events = params.strings("enabled_events");
  if (events.length === 0) throw invalidParam("enabled_events", "Missing required param: enabled_events.", "parameter_missing");
  return events;
}

function requireEndpoint(account: Account, id: string): Stripe.WebhookEndpoint {
  return account.require<Stripe.WebhookEndpoint>(id, "webhook_endpoint", "webhook endpoint");
}

export const webhookEndpointRoutes = [
  route("POST", "/v1/webhook_endpoints", ({ account, params }) => {
    const secret = `whsec_${randomToken(32)}`;
    const endpoint: Stripe.WebhookEndpoint = {
      id: newId("we"),
      object: "webhook_endpoint",
      api_version: params.string("api_version") ?? null,
      application: null,
      created: nowSeconds(),
      description: params.string("description") ?? null,
      enabled_events: enabledEvents(params),
      livemode: account.livemode,
      metadata: params.metadata() ?? {},
      status: "enabled",
      url: validUrl(account, params.requiredString("url")),
    };
    account.insert(endpoint);
    account.internal<{ secret: string }>(endpoint.id).secret = secret;
    // The signing secret is shown once, in the create response only.
    return { ...endpoint, secret };
  }),
  route("GET", "/v1/webhook_endpoints/:id", ({ account, path }) => requireEndpoint(account, path.id)),
  route("POST", "/v1/webhook_endpoints/:id", ({ account, params, path }) => {
    const endpoint = requireEndpoint(account, path.id);
    if (params.has("url")) endpoint.url = validUrl(account, params.requiredString("url"));
    if (params.has("enabled_events")) endpoint.enabled_events = enabledEvents(params);
    if (params.has("description")) endpoint.description = params.nullableString("description") ?? null;
    const disabled = params.boolean("disabled");
    if (disabled !== undefined) endpoint.status = disabled ? "disabled" : "enabled";
    const metadata = params.metadata("metadata", endpoint.metadata);
    if (metadata) endpoint.metadata = metadata;
    return endpoint;
  }),
  route("DELETE", "/v1/webhook_endpoints/:id", ({ account, path }) => {
    requireEndpoint(account, path.id);
    const deleted: Stripe.DeletedWebhookEndpoint = { id: path.id, object: "webhook_endpoint", deleted: true };
    account.insert(deleted);
    return deleted;
  }),
  route("GET", "/v1/webhook_endpoints", ({ account, params }) =>
    paginate(params, account.list<Stripe.WebhookEndpoint>("webhook_endpoint"), "/v1/webhook_endpoints"),
  ),
];
