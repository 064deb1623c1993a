import { readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const requireFromHere = createRequire(import.meta.url);
const cache = new Map<string, readonly string[]>();

/**
 * The members of a string-literal union declared in the installed `stripe` package's types
 * (`type EnabledEvent = '*' | 'account.updated' | …`), read from its `.d.ts`, so lists such as the
 * event types or API versions follow the package when it is upgraded instead of being kept by hand.
 */
export function stripeLiteralUnion(resourceFile: string, typeName: string): readonly string[] {
  const key = `${resourceFile}#${typeName}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // The package exports no package.json; its CommonJS entry sits in cjs/ next to resources/.
  const file = path.join(path.dirname(requireFromHere.resolve("stripe")), "resources", resourceFile);
  const match = new RegExp(`type ${typeName} = ([^;]+);`).exec(readFileSync(file, "utf8"));
  if (!match) throw new Error(`stripe types: no union ${typeName} in ${resourceFile}`);
  const members = [...match[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  cache.set(key, members);
  return members;
}

/** Every event type a webhook endpoint may subscribe to (`Stripe.WebhookEndpointCreateParams.EnabledEvent`). */
export const webhookEventTypes = () => stripeLiteralUnion("WebhookEndpoints.d.ts", "EnabledEvent");

/** Every API version Stripe knows (`Stripe.WebhookEndpointCreateParams.ApiVersion`). */
export const apiVersions = () => stripeLiteralUnion("WebhookEndpoints.d.ts", "ApiVersion");
