import type { ApiContext } from "./context";

export type HttpMethod = "GET" | "POST" | "DELETE";

/**
 * One API endpoint. The handler returns the (stored) object or list; the dispatcher clones it,
 * applies `expand[]` and answers 200 JSON. Handlers throw StripeApiError for Stripe's errors and
 * must stay synchronous so one request's effects never interleave with another's.
 */
export interface Route {
  method: HttpMethod;
  /** `/v1/customers/:id` — `:name` segments land in ctx.path. */
  pattern: string;
  handler: (ctx: ApiContext) => unknown;
  /** Callable with a publishable key (Stripe.js endpoints). */
  publishable?: boolean;
}

export function route(method: HttpMethod, pattern: string, handler: (ctx: ApiContext) => unknown, opts: { publishable?: boolean } = {}): Route {
  return { method, pattern, handler, ...opts };
}

export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/");
  const s = path.split("/");
  if (p.length !== s.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) {
      if (!s[i]) return null;
      out[p[i].slice(1)] = decodeURIComponent(s[i]);
    } else if (p[i] !== s[i]) {
      return null;
    }
  }
  return out;
}
