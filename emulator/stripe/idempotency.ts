import type { Account } from "./accounts";
import { StripeApiError } from "./errors";
import type { FormObject } from "./form";

/** A saved first response for an `Idempotency-Key`, replayed for a retry with the same parameters. */
export interface SavedResponse {
  endpoint: string;
  fingerprint: string;
  status: number;
  body: unknown;
  requestId: string;
}

const stores = new WeakMap<Account, Map<string, SavedResponse>>();
const inFlight = new WeakMap<Account, Set<string>>();

function storeOf(account: Account): Map<string, SavedResponse> {
  let store = stores.get(account);
  if (!store) {
    store = new Map();
    stores.set(account, store);
  }
  return store;
}

function inFlightOf(account: Account): Set<string> {
  let set = inFlight.get(account);
  if (!set) {
    set = new Set();
    inFlight.set(account, set);
  }
  return set;
}

export function fingerprint(params: FormObject): string {
  return JSON.stringify(sortKeys(params));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The saved response to replay, or null to execute. Throws Stripe's idempotency_error when the
 * key was first used on another endpoint or with other parameters, and 409 while the first
 * request with that key is still running.
 */
export function lookupIdempotent(account: Account, key: string, endpoint: string, print: string): SavedResponse | null {
  if (key.length > 255) {
    throw new StripeApiError(400, {
      type: "invalid_request_error",
      message: "Invalid idempotency key: must be at most 255 characters long.",
      param: "Idempotency-Key",
    });
  }
  if (inFlightOf(account).has(key)) {
    throw new StripeApiError(409, {
      type: "idempotency_error",
      message: `There is currently another in-progress request using this Stripe API key (in test mode) with the same idempotency key ('${key}'). Please retry your request after a short delay.`,
    });
  }
  const saved = storeOf(account).get(key);
  if (!saved) return null;
  if (saved.endpoint !== endpoint) {
    throw new StripeApiError(400, {
      type: "idempotency_error",
      message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${saved.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`,
    });
  }
  if (saved.fingerprint !== print) {
    throw new StripeApiError(400, {
      type: "idempotency_error",
      message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    });
  }
  return saved;
}

export function beginIdempotent(account: Account, key: string): void {
  inFlightOf(account).add(key);
}

export function endIdempotent(account: Account, key: string, saved: SavedResponse | null): void {
  inFlightOf(account).delete(key);
  if (saved) storeOf(account).set(key, saved);
}
