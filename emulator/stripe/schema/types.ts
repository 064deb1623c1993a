/**
 * The request-parameter schema of Stripe endpoints, derived from the installed `stripe` package's
 * own request types (see derive.ts) and checked into params.generated.json.
 *
 * One node per parameter; `empty: true` marks `Stripe.Emptyable<T>` (and `| null`) parameters,
 * which also accept "" — Stripe's form encoding for "unset".
 */
export type SchemaNode =
  | { kind: "string"; empty?: true }
  /** A closed string-literal union; open unions (`| OtherString`) are plain strings. */
  | { kind: "enum"; values: string[]; empty?: true }
  /** Stripe's `integer` (amounts, counts, timestamps): what the SDK types as `number`. */
  | { kind: "integer"; empty?: true }
  /** A `number` documented as a decimal or float (percentages, rates). */
  | { kind: "number"; empty?: true }
  /** `Stripe.Decimal`: a decimal string (`unit_amount_decimal`). */
  | { kind: "decimal"; empty?: true }
  | { kind: "boolean"; empty?: true }
  /** Named keys; `required` lists those without `?`. */
  | { kind: "object"; props: Record<string, SchemaNode>; required?: string[]; empty?: true }
  /** An index signature such as `MetadataParam` (`{ [name: string]: string | number | null }`). */
  | { kind: "map"; values: SchemaNode; empty?: true }
  | { kind: "array"; items: SchemaNode; empty?: true }
  /** Several shapes, e.g. `number | RangeQueryParam` or `string | {…}`: the value's shape picks one. */
  | { kind: "union"; of: SchemaNode[]; empty?: true };

export interface ParamSchema {
  /** Says the file is generated and how to regenerate it. */
  "//": string;
  /** The `stripe` package version and API version the schema was derived from. */
  stripe: { version: string; apiVersion: string };
  /** `"POST /v1/customers/{}"` → the parameters object of that request (path ids as `{}`). */
  endpoints: Record<string, SchemaNode & { kind: "object" }>;
}

/** `/v1/customers/:id` or `/v1/customers/${id}` → `/v1/customers/{}`: how endpoints are keyed. */
export function endpointKey(method: string, path: string): string {
  return `${method} ${path.replace(/:[A-Za-z_]+|\{[^}]*\}/g, "{}")}`;
}
