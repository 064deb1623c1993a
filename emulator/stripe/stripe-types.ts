import { schemaAt, schemaFor } from "./schema/validate";

/**
 * Closed string-literal unions of the installed `stripe` package's request types, read from the
 * generated parameter schema (schema/params.generated.json), so lists such as the event types or
 * the API versions follow the package when it is upgraded instead of being kept by hand.
 */
function enumValues(method: string, pattern: string, path: string[]): readonly string[] {
  const root = schemaFor(method, pattern);
  let node = root ? schemaAt(root, path) : null;
  if (node?.kind === "array") node = node.items;
  if (node?.kind !== "enum") throw new Error(`stripe types: ${method} ${pattern} ${path.join(".")} is not a closed enum`);
  return node.values;
}

/** Every API version Stripe knows (`Stripe.WebhookEndpointCreateParams.ApiVersion`). */
export const apiVersions = () => enumValues("POST", "/v1/webhook_endpoints", ["api_version"]);
