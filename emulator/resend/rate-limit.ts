/**
 * Resend's default limit is 2 requests per second per team; here a team is an API key. A sliding
 * one-second window: a request is refused while `limit` accepted requests lie in the last second.
 */
export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until a slot frees up (at least 1 when refused). */
  resetSeconds: number;
};

const WINDOW_MS = 1000;

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly perKey = new Map<string, number>();
  // Test control: the next N requests of a key answer 429 whatever the rate.
  private readonly forced = new Map<string, number>();

  constructor(private defaultLimit: number) {}

  /** `limit` 0 (or below) switches limiting off. `apiKey` scopes the setting to one key. */
  configure(limit: number, apiKey?: string): void {
    if (apiKey) this.perKey.set(apiKey, limit);
    else this.defaultLimit = limit;
  }

  limitFor(apiKey: string): number {
    return this.perKey.get(apiKey) ?? this.defaultLimit;
  }

  /** The next `count` requests of `apiKey` are refused as over the limit (a fault for tests). */
  forceLimited(apiKey: string, count: number): void {
    this.forced.set(apiKey, count);
  }

  take(apiKey: string, now: number): RateDecision {
    const limit = this.limitFor(apiKey);
    const forced = this.forced.get(apiKey) ?? 0;
    if (forced > 0) {
      this.forced.set(apiKey, forced - 1);
      return { allowed: false, limit: Math.max(1, limit), remaining: 0, resetSeconds: 1 };
    }
    const recent = (this.hits.get(apiKey) ?? []).filter((t) => now - t < WINDOW_MS);
    if (limit <= 0) {
      this.hits.set(apiKey, recent);
      return { allowed: true, limit, remaining: 0, resetSeconds: 0 };
    }
    if (recent.length >= limit) {
      this.hits.set(apiKey, recent);
      const waitMs = recent[recent.length - limit] + WINDOW_MS - now;
      return { allowed: false, limit, remaining: 0, resetSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    recent.push(now);
    this.hits.set(apiKey, recent);
    return { allowed: true, limit, remaining: limit - recent.length, resetSeconds: 1 };
  }

  reset(defaultLimit: number): void {
    this.hits.clear();
    this.perKey.clear();
    this.forced.clear();
    this.defaultLimit = defaultLimit;
  }
}
