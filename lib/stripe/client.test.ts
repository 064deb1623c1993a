import { describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto";
import { stripeForSealedKey } from "./client";

describe("stripeForSealedKey", () => {
  it("reuses a stored key's client, makes a new one for a changed key and once the old one is ten minutes old", () => {
    const now = Date.now();
    const sealed = encryptSecret("sk_test_cache_a");
    const first = stripeForSealedKey(sealed, now);
    expect(stripeForSealedKey(sealed, now + 60_000)).toBe(first);
    // The same key sealed again (reconnected) is another version: never the old client.
    expect(stripeForSealedKey(encryptSecret("sk_test_cache_a"), now)).not.toBe(first);
    expect(stripeForSealedKey(encryptSecret("sk_test_cache_b"), now)).not.toBe(first);
    expect(stripeForSealedKey(sealed, now + 10 * 60_000)).not.toBe(first);
  });
});
