import type Stripe from "stripe";
import { stripeSdkOperations } from "../../support/discover";

// Which Stripe operations the app performed during one contract test. Every client the app
// makes (lib/stripe/client.ts → stripeFor) is wrapped by the contract setup, so a test's
// declared operations are checked against what really went to Stripe, not taken on trust.
const OPERATIONS = stripeSdkOperations();
const PREFIXES = new Set([...OPERATIONS].flatMap((op) => op.split(".").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("."))));

let performed: Set<string> | null = null;

function wrap<T extends object>(node: T, path: string[]): T {
  return new Proxy(node, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== "string") return value;
      const name = [...path, prop].join(".");
      if (typeof value === "function" && OPERATIONS.has(name)) {
        return (...args: unknown[]) => {
          performed?.add(name);
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      if (value && typeof value === "object" && PREFIXES.has(name)) return wrap(value, [...path, prop]);
      return value;
    },
  });
}

/** The app's client, unchanged except that each operation it performs is noted. */
export function recordOperations(client: Stripe): Stripe {
  return wrap(client, []);
}

export function startRecording(): void {
  performed = new Set();
}

export function stopRecording(): Set<string> {
  const done = performed ?? new Set<string>();
  performed = null;
  return done;
}

export function isStripeOperation(name: string): boolean {
  return OPERATIONS.has(name);
}
