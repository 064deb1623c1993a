import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Each business rule is written once; these scans fail when a copy creeps back in.
const ROOT = join(__dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib", "emails"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative(ROOT, path)] : [];
  });
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir)));

function filesMatching(pattern: RegExp, allowed: string[]): string[] {
  return files.filter((file) => !allowed.includes(file) && pattern.test(readFileSync(join(ROOT, file), "utf8")));
}

describe("rules written once", () => {
  it("lists the live subscription statuses only in lib/stripe/subscription-status.ts", () => {
    expect(filesMatching(/\[\s*"(active|trialing|past_due)",\s*"(active|trialing|past_due)"/, ["lib/stripe/subscription-status.ts"])).toEqual([]);
  });

  it("signs link tokens only in lib/crypto.ts", () => {
    expect(filesMatching(/createHmac\(/, ["lib/crypto.ts"])).toEqual([]);
  });

  it("formats dates and times only in lib/dates.ts", () => {
    expect(filesMatching(/Intl\.DateTimeFormat\(|toLocaleDateString\(|toLocaleTimeString\(|\.toLocaleString\(\s*(\)|"[a-z]{2}-[A-Z]{2}",\s*\{[^}]*(day|month|hour))/, ["lib/dates.ts"])).toEqual([]);
  });

  it("numbers and voids invoices only in lib/invoices", () => {
    expect(filesMatching(/nextInvoiceNumber\(|status: "void"/, ["lib/invoices/number.ts", "lib/invoices/void-invoice.ts"])).toEqual([]);
  });

  it("changes an invoice's state (status, amounts) only in lib/invoices", () => {
    const invoicesFolder = files.filter((file) => file.startsWith("lib/invoices/"));
    expect(filesMatching(/\.update\(\s*invoices\s*\)|update\s+\$\{\s*invoices\s*\}|update\s+"?invoices"?\s/, invoicesFolder)).toEqual([]);
  });

  it("joins first and last name only in lib/members/full-name.ts", () => {
    expect(filesMatching(/firstName\}\s\$\{[\w.?!\[\]]*lastName/, ["lib/members/full-name.ts"])).toEqual([]);
  });
});
