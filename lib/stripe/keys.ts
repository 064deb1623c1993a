// What a Stripe API key's prefix says about it. Stripe's keys are `<kind>_<mode>_<opaque>`;
// the mode decides whether real money moves, so a publishable key must match its secret key.
export type KeyMode = "test" | "live";

export interface KeyShape {
  kind: "publishable" | "secret" | "restricted";
  mode: KeyMode;
}

const PATTERN = /^(pk|sk|rk)_(test|live)_[A-Za-z0-9_]+$/;
const KINDS = { pk: "publishable", sk: "secret", rk: "restricted" } as const;

export function keyShape(key: string): KeyShape | null {
  const m = PATTERN.exec(key);
  if (!m) return null;
  return { kind: KINDS[m[1] as keyof typeof KINDS], mode: m[2] as KeyMode };
}

/** "sk_test_…abcd": enough to recognise a key, never enough to use it. */
export function maskKey(key: string): string {
  const prefix = /^[a-z]{2}_(?:test|live)_/.exec(key)?.[0] ?? "";
  return `${prefix}…${key.slice(-4)}`;
}
