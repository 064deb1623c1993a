import type { ServerResponse } from "node:http";
import { ResendError } from "./errors";
import { sendJson } from "../http";

/**
 * A test control: Resend unavailable for one key for a while (by that key's clock). What the app
 * then sees, by `status`:
 * - 503: a bare `Service Unavailable` page, not JSON, as a load balancer answers when the service
 *   behind it is down (the SDK turns it into `application_error` with `statusCode: 503`);
 * - 500: Resend's own `internal_server_error` (https://resend.com/docs/api-reference/errors);
 * - 429: `rate_limit_exceeded` with `retry-after` = the seconds left, as Resend throttling a team.
 */
export type OutageStatus = 429 | 500 | 503;
export const OUTAGE_STATUSES: readonly OutageStatus[] = [429, 500, 503];

type Outage = { until: number; status: OutageStatus };

export class Outages {
  private readonly byKey = new Map<string, Outage>();

  start(apiKey: string, now: number, seconds: number, status: OutageStatus): void {
    this.byKey.set(apiKey, { until: now + seconds * 1000, status });
  }

  stop(apiKey: string): void {
    this.byKey.delete(apiKey);
  }

  /** The outage in force for the key at `now`, if any. */
  at(apiKey: string, now: number): (Outage & { secondsLeft: number }) | null {
    const outage = this.byKey.get(apiKey);
    if (!outage || now >= outage.until) return null;
    return { ...outage, secondsLeft: Math.max(1, Math.ceil((outage.until - now) / 1000)) };
  }

  describe(apiKey: string, now: number): { status: OutageStatus; until: string } | null {
    const outage = this.at(apiKey, now);
    return outage && { status: outage.status, until: new Date(outage.until).toISOString() };
  }

  clear(): void {
    this.byKey.clear();
  }
}

/** Answers a request that arrives during an outage. */
export function answerOutage(res: ServerResponse, outage: Outage & { secondsLeft: number }): void {
  if (outage.status === 503) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": String(outage.secondsLeft) });
    res.end("Service Unavailable");
    return;
  }
  if (outage.status === 500) {
    sendJson(res, 500, new ResendError(500, "internal_server_error", "An unexpected error occurred.").body());
    return;
  }
  const error = new ResendError(429, "rate_limit_exceeded", "Too many requests. Please limit the number of requests per second. Or contact support to increase rate limit.");
  sendJson(res, 429, error.body(), { "retry-after": String(outage.secondsLeft) });
}
