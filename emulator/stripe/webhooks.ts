import type Stripe from "stripe";
import type { Account } from "./accounts";
import { eventForVersion } from "./api-versions";
import { newId } from "./ids";
import { signatureHeader } from "./signature";

/**
 * Asynchronous webhook delivery: each event goes to every enabled endpoint of its account that
 * listens for its type, signed with that endpoint's secret; non-2xx answers, redirects and
 * timeouts are retried on a (short, configurable) backoff schedule. Test controls can make the
 * deliveries duplicated, delayed or shuffled, per account or for everyone.
 */
export type DeliveryMode = "normal" | "duplicate" | "delay" | "shuffle";

export interface DeliverySettings {
  mode: DeliveryMode;
  /** mode duplicate: how many times each event is sent. */
  duplicates: number;
  /** mode delay: wait before the first attempt. */
  delayMs: number;
  /** mode shuffle: events arriving within this window are sent together in random order. */
  shuffleWindowMs: number;
  /** Wait before retry n (after failed attempt n); the delivery fails for good after the last. */
  retryScheduleMs: number[];
  /** An endpoint slower than this counts as failed. */
  timeoutMs: number;
}

function envSchedule(): number[] | null {
  const raw = process.env.EMULATOR_WEBHOOK_RETRY_MS;
  if (!raw) return null;
  const values = raw.split(",").map((s) => Number(s.trim()));
  return values.every((v) => Number.isFinite(v) && v >= 0) ? values : null;
}

// Stripe retries for three days; a local stand-in compresses that to minutes.
const DEFAULTS: DeliverySettings = {
  mode: "normal",
  duplicates: 2,
  delayMs: 2000,
  shuffleWindowMs: 300,
  retryScheduleMs: envSchedule() ?? [1_000, 5_000, 30_000, 120_000, 600_000],
  timeoutMs: 10_000,
};

let globalSettings: DeliverySettings = { ...DEFAULTS };
const accountSettings = new Map<string, Partial<DeliverySettings>>();

export function settingsFor(accountId: string): DeliverySettings {
  return { ...globalSettings, ...accountSettings.get(accountId) };
}

export function configureDelivery(patch: Partial<DeliverySettings>, accountId?: string): DeliverySettings {
  validateSettings(patch);
  if (accountId) {
    accountSettings.set(accountId, { ...accountSettings.get(accountId), ...patch });
    return settingsFor(accountId);
  }
  globalSettings = { ...globalSettings, ...patch };
  return { ...globalSettings };
}

function validateSettings(patch: Partial<DeliverySettings>): void {
  if (patch.mode !== undefined && !["normal", "duplicate", "delay", "shuffle"].includes(patch.mode)) {
    throw new Error("mode must be one of normal, duplicate, delay, shuffle");
  }
  for (const field of ["duplicates", "delayMs", "shuffleWindowMs", "timeoutMs"] as const) {
    const v = patch[field];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v < 0)) throw new Error(`${field} must be a non-negative number`);
  }
  if (patch.retryScheduleMs !== undefined) {
    if (!Array.isArray(patch.retryScheduleMs) || !patch.retryScheduleMs.every((v) => typeof v === "number" && v >= 0)) {
      throw new Error("retryScheduleMs must be an array of non-negative numbers");
    }
  }
}

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error?: string;
  durationMs: number;
}

export interface Delivery {
  id: string;
  accountId: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  status: "pending" | "succeeded" | "failed";
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
}

interface LiveDelivery extends Delivery {
  account: Account;
  timer: NodeJS.Timeout | null;
}

const deliveries: LiveDelivery[] = [];
const inFlight = new Set<Promise<void>>();
const shuffleBuffers = new Map<string, { items: LiveDelivery[]; timer: NodeJS.Timeout }>();
// First attempts to one endpoint go out in order (each waits for the previous), unless shuffled.
const endpointChains = new Map<string, Promise<void>>();
const MAX_KEPT = 5_000;

function listensTo(endpoint: Stripe.WebhookEndpoint, type: string): boolean {
  return endpoint.status === "enabled" && (endpoint.enabled_events.includes("*") || endpoint.enabled_events.includes(type));
}

/** Schedules the event for every matching endpoint; returns how many endpoints will receive it. */
export function enqueueDeliveries(account: Account, event: Stripe.Event): number {
  const endpoints = account.list<Stripe.WebhookEndpoint>("webhook_endpoint", (e) => listensTo(e, event.type)).reverse();
  const settings = settingsFor(account.id);
  const copies = settings.mode === "duplicate" ? Math.max(1, Math.floor(settings.duplicates)) : 1;
  for (const endpoint of endpoints) {
    for (let i = 0; i < copies; i++) {
      const delivery: LiveDelivery = {
        id: newId("whdel"),
        accountId: account.id,
        account,
        eventId: event.id,
        eventType: event.type,
        endpointId: endpoint.id,
        url: endpoint.url,
        status: "pending",
        attempts: [],
        nextAttemptAt: null,
        timer: null,
      };
      deliveries.push(delivery);
      if (deliveries.length > MAX_KEPT) deliveries.splice(0, deliveries.length - MAX_KEPT);
      startDelivery(delivery, settings);
    }
  }
  return endpoints.length;
}

function startDelivery(delivery: LiveDelivery, settings: DeliverySettings): void {
  if (settings.mode === "delay") {
    schedule(delivery, settings.delayMs);
  } else if (settings.mode === "shuffle") {
    let buffer = shuffleBuffers.get(delivery.accountId);
    if (!buffer) {
      const timer = setTimeout(() => releaseShuffled(delivery.accountId), settings.shuffleWindowMs);
      timer.unref();
      buffer = { items: [], timer };
      shuffleBuffers.set(delivery.accountId, buffer);
    }
    buffer.items.push(delivery);
  } else {
    const previous = endpointChains.get(delivery.endpointId) ?? Promise.resolve();
    const next = previous.then(() => attempt(delivery));
    endpointChains.set(delivery.endpointId, next);
    track(next);
  }
}

function releaseShuffled(accountId: string): void {
  const buffer = shuffleBuffers.get(accountId);
  if (!buffer) return;
  clearTimeout(buffer.timer);
  shuffleBuffers.delete(accountId);
  const items = buffer.items;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  // Sent one after another in the shuffled order, so the receiver really sees that order.
  track(items.reduce<Promise<void>>((chain, d) => chain.then(() => attempt(d)), Promise.resolve()));
}

function schedule(delivery: LiveDelivery, ms: number): void {
  delivery.nextAttemptAt = new Date(Date.now() + ms).toISOString();
  delivery.timer = setTimeout(() => {
    delivery.timer = null;
    track(attempt(delivery));
  }, ms);
  // Pending retries must not keep a test process (or a closing emulator) alive.
  delivery.timer.unref();
}

function track(p: Promise<void>): void {
  inFlight.add(p);
  void p.finally(() => inFlight.delete(p));
}

async function attempt(delivery: LiveDelivery): Promise<void> {
  if (delivery.status !== "pending") return;
  delivery.nextAttemptAt = null;
  const { account } = delivery;
  const endpoint = account.get<Stripe.WebhookEndpoint>(delivery.endpointId, "webhook_endpoint");
  const event = account.get<Stripe.Event>(delivery.eventId, "event");
  if (!endpoint || (endpoint as { deleted?: boolean }).deleted || endpoint.status !== "enabled" || !event) {
    delivery.status = "failed";
    delivery.attempts.push({ at: new Date().toISOString(), status: null, error: "endpoint deleted or disabled", durationMs: 0 });
    return;
  }
  const settings = settingsFor(account.id);
  const secret = account.internal<{ secret?: string }>(endpoint.id).secret ?? "";
  const payload = JSON.stringify(eventForVersion(account, event, endpoint.api_version), null, 2);
  const started = Date.now();
  let status: number | null = null;
  let error: string | undefined;
  try {
    const res = await fetch(endpoint.url, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "stripe-signature": signatureHeader(payload, secret),
      },
      body: payload,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    status = res.status;
    await res.arrayBuffer().catch(() => undefined);
  } catch (err) {
    error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }
  delivery.attempts.push({ at: new Date(started).toISOString(), status, error, durationMs: Date.now() - started });
  if (status !== null && status >= 200 && status < 300) {
    delivery.status = "succeeded";
    const pending = deliveries.some((d) => d.eventId === event.id && d.endpointId === endpoint.id && d.status === "pending");
    if (!pending) event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    return;
  }
  const retryIndex = delivery.attempts.length - 1;
  if (retryIndex < settings.retryScheduleMs.length) schedule(delivery, settings.retryScheduleMs[retryIndex]);
  else delivery.status = "failed";
}

function publicDelivery(d: LiveDelivery): Delivery {
  const { account: _a, timer: _t, ...rest } = d;
  return structuredClone(rest);
}

export function listDeliveries(filter: { accountId?: string; eventId?: string; eventType?: string } = {}): Delivery[] {
  return deliveries
    .filter(
      (d) =>
        (!filter.accountId || d.accountId === filter.accountId) &&
        (!filter.eventId || d.eventId === filter.eventId) &&
        (!filter.eventType || d.eventType === filter.eventType),
    )
    .map(publicDelivery);
}

/**
 * Sends everything that is waiting (delayed, shuffled, or between retries) now, and resolves once
 * every attempt in progress has finished. A failing endpoint is tried once more per flush.
 */
export async function flushDeliveries(accountId?: string): Promise<void> {
  for (const id of [...shuffleBuffers.keys()]) if (!accountId || id === accountId) releaseShuffled(id);
  for (const d of deliveries) {
    if (d.timer && (!accountId || d.accountId === accountId)) {
      clearTimeout(d.timer);
      d.timer = null;
      track(attempt(d));
    }
  }
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

export function resetDeliveries(): void {
  for (const d of deliveries) if (d.timer) clearTimeout(d.timer);
  for (const b of shuffleBuffers.values()) clearTimeout(b.timer);
  deliveries.length = 0;
  shuffleBuffers.clear();
  endpointChains.clear();
  accountSettings.clear();
  globalSettings = { ...DEFAULTS };
}
