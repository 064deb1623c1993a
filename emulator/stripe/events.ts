import Stripe from "stripe";
import type { Account, StripeObject } from "./accounts";
import { rememberPinnedSnapshot, renderInVersion } from "./api-versions";
import { currentTrace } from "./context";
import { newId, nowSeconds } from "./ids";
import { enqueueDeliveries } from "./webhooks";

/**
 * Records an event with a snapshot of `object` (and `previous_attributes` for updates) and hands it
 * to webhook delivery. The event is stored, listed and sent in the account's default API version
 * at this moment, as Stripe does. `created` lets billing stamp events with a test clock's time.
 */
export function emitEvent(
  account: Account,
  type: Stripe.Event.Type,
  object: StripeObject,
  previousAttributes?: Record<string, unknown> | null,
  opts: { created?: number } = {},
): Stripe.Event {
  const trace = currentTrace();
  const snapshot = structuredClone(object);
  const data: { object: unknown; previous_attributes?: unknown } = { object: renderInVersion(account, snapshot, account.apiVersion) };
  if (previousAttributes) data.previous_attributes = structuredClone(previousAttributes);
  const id = newId("evt");
  rememberPinnedSnapshot(account, id, snapshot);
  const event = {
    id,
    object: "event",
    api_version: account.apiVersion,
    created: opts.created ?? nowSeconds(),
    data,
    livemode: account.livemode,
    pending_webhooks: 0,
    request: { id: trace.requestId, idempotency_key: trace.idempotencyKey },
    type,
  } as unknown as Stripe.Event;
  account.insert(event);
  event.pending_webhooks = enqueueDeliveries(account, event);
  return event;
}

/**
 * The top-level fields of `before` whose values differ in `after`, with their old values — Stripe's
 * `previous_attributes`. Nested hashes (metadata, invoice_settings) report only their changed keys.
 */
export function previousAttributes(before: object, after: object): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    const bv = b[key];
    const av = a[key];
    if (isPlainHash(bv) && isPlainHash(av)) {
      out[key] = previousAttributes(bv, av) ?? {};
      // Keys that did not exist before are reported as null, as Stripe does for metadata.
      for (const k of Object.keys(av)) if (!(k in bv)) (out[key] as Record<string, unknown>)[k] = null;
    } else {
      out[key] = bv === undefined ? null : bv;
    }
  }
  return Object.keys(out).length ? out : null;
}

function isPlainHash(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v) && !("object" in (v as object));
}

/** Runs `mutate` on a stored object and emits `type` with the resulting previous_attributes. */
export function updateWithEvent<T extends StripeObject>(account: Account, type: Stripe.Event.Type, obj: T, mutate: (obj: T) => void): T {
  const before = structuredClone(obj);
  mutate(obj);
  const prev = previousAttributes(before, obj);
  if (prev) emitEvent(account, type, obj, prev);
  return obj;
}
