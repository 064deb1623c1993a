/**
 * What a failed Resend request means for the sender, from Resend's documented errors
 * (https://resend.com/docs/api-reference/errors, https://resend.com/docs/api-reference/rate-limit):
 * - 429 (`rate_limit_exceeded`, `daily_quota_exceeded`): wait `retry-after` seconds, then again;
 * - 5xx, or no answer at all (the SDK's `statusCode: null`): Resend is down, retry with backoff;
 * - 401/403 (`missing_api_key`, `invalid_api_key`, unverified domain): our configuration, which an
 *   operator can fix while the mail waits, so retried too;
 * - 409 `invalid_idempotent_request`: a mail was already accepted under this idempotency key (our
 *   keys name one mail, so this is a retry rendered from newer data): it went out;
 * - 409 `concurrent_idempotent_requests`: the first request is still running: retry;
 * - any other 4xx (`validation_error`, `missing_required_field`, …): the request itself is wrong
 *   and the same request will never pass.
 */
export type ResendFailure =
  | { kind: "rate-limited"; retryAfterMs: number; message: string }
  | { kind: "transient"; message: string }
  | { kind: "already-sent"; message: string }
  | { kind: "permanent"; message: string };

export interface ResendErrorLike {
  name?: string;
  message?: string;
  statusCode?: number | null;
}

/** `retry-after` in seconds (Resend sends whole seconds); an HTTP date is accepted too. At least 1 s. */
export function retryAfterMs(headers: Record<string, string> | null | undefined, now = Date.now()): number {
  const raw = headers?.["retry-after"] ?? headers?.["ratelimit-reset"];
  if (raw === undefined) return 1_000;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(1, seconds) * 1_000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(1_000, date - now) : 1_000;
}

export function resendFailure(error: ResendErrorLike | null | undefined, headers?: Record<string, string> | null): ResendFailure {
  const status = error?.statusCode ?? null;
  const message = `${error?.name ?? "error"}${status ? ` (${status})` : ""}: ${error?.message ?? "unknown error"}`;
  if (status === 429 || error?.name === "rate_limit_exceeded") return { kind: "rate-limited", retryAfterMs: retryAfterMs(headers), message };
  if (status === null || status >= 500) return { kind: "transient", message };
  if (error?.name === "invalid_idempotent_request") return { kind: "already-sent", message };
  if (status === 401 || status === 403 || error?.name === "concurrent_idempotent_requests") return { kind: "transient", message };
  return status >= 400 ? { kind: "permanent", message } : { kind: "transient", message };
}
