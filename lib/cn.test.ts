import { readFileSync } from "node:fs";
import { twMerge } from "tailwind-merge";
import { createClassGroupUtils } from "tailwind-merge/unstable-do-not-import";
import { describe, expect, it } from "vitest";
import { classVocabulary, configSource, fullConfigUtils, generateConfig, lookups } from "@/scripts/tailwind-merge-config";
import { cn } from "./cn";
import { TAILWIND_MERGE_CONFIG } from "./tailwind-merge-config";

// cn() merges with tailwind-merge's configuration cut down to the classes the code writes
// (lib/tailwind-merge-config.ts). For those classes it must do what twMerge with the full
// configuration does: the same class group for each, the same conflicts, the same merges.
const vocabulary = classVocabulary();
const classes = vocabulary.filter((word) => lookups(word).some((base) => fullConfigUtils.getClassGroupId(base)));
const ours = createClassGroupUtils(TAILWIND_MERGE_CONFIG as unknown as Parameters<typeof createClassGroupUtils>[0]);

describe("cn()", () => {
  it("runs on the configuration of the classes the code writes now (else: npm run tailwind-merge:config)", () => {
    expect(readFileSync("lib/tailwind-merge-config.ts", "utf8")).toBe(configSource(generateConfig(vocabulary)));
  });

  it("puts each class in the class group twMerge does, with the same conflicts", () => {
    expect(classes.length).toBeGreaterThan(300);
    for (const word of classes) {
      for (const base of lookups(word)) {
        const group = fullConfigUtils.getClassGroupId(base);
        expect(ours.getClassGroupId(base), base).toBe(group);
        if (!group) continue;
        for (const postfix of [false, true]) {
          const present = (ids: readonly string[]) => ids.filter((id) => id in TAILWIND_MERGE_CONFIG.classGroups).sort();
          expect(present(ours.getConflictingClassGroupIds(group, postfix)), `${group} conflicts`).toEqual(present(fullConfigUtils.getConflictingClassGroupIds(group, postfix)));
        }
      }
    }
  });

  it("merges every pair of the code's classes as twMerge does", () => {
    const differences: string[] = [];
    for (const a of classes) {
      for (const b of classes) {
        const input = `${a} ${b}`;
        const expected = twMerge(input);
        const got = cn(input);
        if (got !== expected) differences.push(`${input} → ${got}, twMerge: ${expected}`);
      }
    }
    expect(differences.slice(0, 20)).toEqual([]);
  });

  it("keeps what is not a Tailwind class and joins conditional classes", () => {
    expect(cn("px-4 py-2", false && "hidden", "p-6 my-own-class")).toBe("p-6 my-own-class");
    expect(cn("h-10 px-4", "sm:px-5", "px-0")).toBe("h-10 sm:px-5 px-0");
  });
});
