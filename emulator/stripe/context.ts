import { AsyncLocalStorage } from "node:async_hooks";
import type { Account } from "./accounts";
import type { Params } from "./params";

/** What a route handler gets: the caller's account, its parameters and the request's identity. */
export interface ApiContext {
  account: Account;
  /** The request came with the account's publishable key (only routes marked publishable accept it). */
  publishable: boolean;
  params: Params;
  /** `:name` segments of the matched route pattern. */
  path: Record<string, string>;
  method: string;
  requestId: string;
  idempotencyKey: string | null;
}

export interface RequestTrace {
  requestId: string | null;
  idempotencyKey: string | null;
}

// Events carry `request: { id, idempotency_key }` of the API call that caused them, and null when
// they come from the hosted pages or from time passing; handlers run inside this store.
const traceStore = new AsyncLocalStorage<RequestTrace>();

export function runTraced<T>(trace: RequestTrace, fn: () => T): T {
  return traceStore.run(trace, fn);
}

export function currentTrace(): RequestTrace {
  return traceStore.getStore() ?? { requestId: null, idempotencyKey: null };
}
