import { describe, expect, it } from "vitest";
import { isStripeOperation, startRecording, stopRecording } from "./recorder";
import { contractTarget, NOT_RUN_REASON } from "./target";

/**
 * A group of contract tests, run once per target. Without keys the real-Stripe run reports the
 * whole group as skipped with the reason in its title: visible as "not run", never as a pass.
 */
export function contractSuite(title: string, body: () => void): void {
  const target = contractTarget();
  if (target.runnable) describe(`${title} [${target.label}]`, body);
  else describe.skip(`${title} [${target.label}: ${NOT_RUN_REASON}]`, body);
}

/**
 * One contract test. `operations` are the Stripe operations (`resource.method`) it covers: the
 * app must perform each of them during the test (recorded at the SDK), and the operation
 * coverage test reads these lists to find operations no contract test covers.
 */
export function contractTest(name: string, operations: readonly string[], fn: () => Promise<void>): void {
  const target = contractTarget();
  it(
    name,
    async () => {
      const unknown = operations.filter((op) => !isStripeOperation(op));
      expect(unknown, "declared operations that the stripe SDK does not have").toEqual([]);
      startRecording();
      let performed: Set<string>;
      try {
        await fn();
      } finally {
        performed = stopRecording();
      }
      expect(
        operations.filter((op) => !performed.has(op)),
        `declared operations the app did not perform (it performed: ${[...performed].sort().join(", ")})`,
      ).toEqual([]);
    },
    target.testTimeoutMs,
  );
}

/**
 * A contract test with a step only a browser can do on real Stripe: completing hosted or
 * embedded Checkout. On the emulator that step posts its hosted page's form (as the existing
 * integration tests do); on real Stripe the test is reported as not run, with the reason.
 */
export function browserContractTest(name: string, operations: readonly string[], fn: () => Promise<void>): void {
  if (contractTarget().kind === "emulator") contractTest(`${name} (browser step: the emulator's hosted page)`, operations, fn);
  else it.skip(`${name} (not run on real Stripe: completing Checkout needs a browser)`, () => {});
}
