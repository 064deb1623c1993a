import "server-only";
import { createHash } from "node:crypto";

// Apart from keys.ts, which the Stripe connect form's schema imports in the browser: node:crypto
// has no place in a client bundle (webpack refuses to build it).

/** A stable, non-reversible short id of a key, for idempotency keys and logs. */
export function keyFingerprint(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}
