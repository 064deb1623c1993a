import { createHash } from "node:crypto";
import { ResendError } from "./errors";

type Recorded = { fingerprint: string; status: number; body: unknown; at: number };

// Resend remembers a key for 24 hours.
const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 256;

/** Key order must not matter: the SDK and a retry may serialise the same object differently. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

export function fingerprint(path: string, body: unknown): string {
  return createHash("sha256").update(path).update("\0").update(JSON.stringify(canonical(body))).digest("hex");
}

/** Replays the first answer for a key; the same key with another payload is Resend's 409. */
export class IdempotencyStore {
  private readonly records = new Map<string, Recorded>();

  static validateKey(key: string): void {
    if (key.length < 1 || key.length > MAX_KEY_LENGTH) {
      throw new ResendError(400, "invalid_idempotency_key", "The key must be between 1-256 chars.");
    }
  }

  /** The recorded answer for this key and payload, or undefined when the request is new. */
  lookup(apiKey: string, key: string, print: string, now: number): { status: number; body: unknown } | undefined {
    const record = this.records.get(`${apiKey}\0${key}`);
    if (!record || now - record.at > TTL_MS) return undefined;
    if (record.fingerprint !== print) {
      throw new ResendError(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
    }
    return { status: record.status, body: record.body };
  }

  record(apiKey: string, key: string, print: string, status: number, body: unknown, now: number): void {
    this.records.set(`${apiKey}\0${key}`, { fingerprint: print, status, body, at: now });
  }

  clear(): void {
    this.records.clear();
  }
}
