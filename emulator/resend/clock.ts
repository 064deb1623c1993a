/**
 * Each Resend key's clock: real time, unless a test has set it (`clockMs` on /_control/resend).
 * A set clock stands still until set again, so a test can move it in step with the app's own
 * injected clock and replay minutes of outage, rate limit or idempotency expiry in no time.
 */
export class KeyClocks {
  private readonly set_ = new Map<string, number>();

  now(apiKey: string): number {
    return this.set_.get(apiKey) ?? Date.now();
  }

  /** `null`: back to real time. */
  set(apiKey: string, ms: number | null): void {
    if (ms === null) this.set_.delete(apiKey);
    else this.set_.set(apiKey, ms);
  }

  clear(): void {
    this.set_.clear();
  }
}
