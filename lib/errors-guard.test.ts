import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Domain code (lib/) throws codes and reasons; only the action layer holds the words and the
// form fields. These scans fail when a sentence or an ActionError creeps back into lib/.
const ROOT = join(__dirname, "..");

/** The action layer inside lib/: the words, the result shape and the action wrappers. */
const ACTION_LAYER = [/^lib\/action-errors(\.ts|\/)/, /^lib\/action-result\.ts$/, /^lib\/action\.ts$/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

function domainViolations(files: { path: string; text: string }[]): string[] {
  const rules: [string, RegExp][] = [
    ["uses ActionError", /\bActionError\b/],
    // A reason is "domain.what": a capital letter and a space make it a sentence.
    ["throws a sentence", /\b(refused|invalidInput|unavailable|notPayable|invalidAmount)\(\s*["'`][A-Z][^"'`]*\s/],
    ["gives an AppError words", /new AppError\([^()]*\{[^{}]*\},\s*["'`]/],
  ];
  return files.flatMap(({ path, text }) => (ACTION_LAYER.some((p) => p.test(path)) ? [] : rules.filter(([, re]) => re.test(text)).map(([what]) => `${path} ${what}`)));
}

describe("domain errors carry codes, not words", () => {
  const files = sourceFiles(join(ROOT, "lib")).map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }));

  it("no ActionError or sentence is thrown in lib/ outside the action layer", () => {
    expect(domainViolations(files)).toEqual([]);
  });

  it("catches each kind of violation, and allows the action layer and reason names", () => {
    const planted = [
      { path: "lib/shop/x.ts", text: 'import { ActionError } from "@/lib/action-result";' },
      { path: "lib/shop/y.ts", text: 'throw refused("The shop is closed.");' },
      { path: "lib/shop/z.ts", text: 'throw new AppError("REFUSED", { reason: "shop.closed" }, "The shop is closed.");' },
      { path: "lib/shop/ok.ts", text: 'throw refused("shop.product_gone"); throw new Error("Stripe returned no URL");' },
      { path: "lib/action-errors/shop.ts", text: '"shop.product_gone": () => "A product in your cart is no longer sold."' },
      { path: "lib/action-result.ts", text: "export class ActionError extends AppError {}" },
    ];
    expect(domainViolations(planted)).toEqual(["lib/shop/x.ts uses ActionError", "lib/shop/y.ts throws a sentence", "lib/shop/z.ts gives an AppError words"]);
  });
});
