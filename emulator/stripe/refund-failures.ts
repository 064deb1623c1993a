import type Stripe from "stripe";
import type { Account } from "./accounts";

/**
 * Refunds that fail "some time later" (https://docs.stripe.com/testing#refunds). Each waits on a
 * timer (EMULATOR_REFUND_FAILURE_MS, default 5 s); `POST /_control/refunds/settle` lets a test
 * make them fail now instead of waiting.
 */
type Fail = (account: Account, refundId: string) => Stripe.Refund | null;

interface Scheduled {
  account: Account;
  fail: Fail;
  timer: NodeJS.Timeout;
}

const scheduled = new Map<string, Scheduled>();

function delayMs(): number {
  const raw = process.env.EMULATOR_REFUND_FAILURE_MS;
  const value = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(value) && value >= 0 ? value : 5_000;
}

export function scheduleRefundFailure(account: Account, refundId: string, fail: Fail): void {
  const timer = setTimeout(() => {
    scheduled.delete(refundId);
    fail(account, refundId);
  }, delayMs());
  timer.unref();
  scheduled.set(refundId, { account, fail, timer });
}

/** Fails every waiting refund (of one account when given) now; returns their ids. */
export function settleRefundFailures(accountId?: string): string[] {
  const done: string[] = [];
  for (const [refundId, entry] of scheduled) {
    if (accountId && entry.account.id !== accountId) continue;
    clearTimeout(entry.timer);
    scheduled.delete(refundId);
    if (entry.fail(entry.account, refundId)) done.push(refundId);
  }
  return done;
}

export function resetRefundFailures(): void {
  for (const entry of scheduled.values()) clearTimeout(entry.timer);
  scheduled.clear();
}
