import { describe, expect, it } from "vitest";
import { isUid, newUid, UID_ALPHABET, UID_LENGTH } from "./uid";

describe("member UIDs", () => {
  it("use 31 characters without 0, O, 1, I or L", () => {
    expect(UID_ALPHABET).toHaveLength(31);
    expect(new Set(UID_ALPHABET).size).toBe(31);
    for (const c of "0O1IL") expect(UID_ALPHABET).not.toContain(c);
  });

  it("are 7 characters from the alphabet, and every character gets used", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const uid = newUid();
      expect(uid).toHaveLength(UID_LENGTH);
      expect(isUid(uid)).toBe(true);
      for (const c of uid) seen.add(c);
    }
    expect([...seen].sort().join("")).toBe([...UID_ALPHABET].sort().join(""));
  });

  it("recognises only well-formed UIDs", () => {
    expect(isUid("ABC2345")).toBe(true);
    expect(isUid("ABC234")).toBe(false);
    expect(isUid("ABC23450")).toBe(false);
    expect(isUid("ABCO234")).toBe(false);
    expect(isUid("abc2345")).toBe(false);
  });
});
