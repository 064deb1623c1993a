import { beforeAll, describe, expect, it, vi } from "vitest";
import { addLedgerEntry } from "@/app/(staff)/ledger/actions";
import { actAs } from "../support/factories";
import { pageFilesWithIds, routeFiles } from "../support/discover";
import { PAGE_MATRIX, ROUTE_MATRIX, type RouteEntry } from "../support/idor/route-matrix";
import { buildIdorWorld, type IdorWorld } from "../support/idor/world";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
// The card-link page throttles by the client address; the shop reads the visitor's language cookie (none here).
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.78" }), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", async (original) => (await import("../support/next")).navigationOutsideNext(original));

function expectComplete(found: string[], matrix: Record<string, RouteEntry>, what: string) {
  const missing = found.filter((f) => !(f in matrix));
  const stale = Object.keys(matrix).filter((f) => !found.includes(f));
  expect(missing, `${what} without an entry in tests/support/idor/route-matrix.ts:\n  ${missing.join("\n  ")}\n`).toEqual([]);
  expect(stale, `entries for ${what} that no longer exist`).toEqual([]);
  for (const [file, entry] of Object.entries(matrix)) {
    if ("na" in entry) expect(entry.na.trim(), `${file}: say why it has no foreign ids`).not.toBe("");
    else expect(entry.checks.length, `${file}: at least one check`).toBeGreaterThan(0);
  }
}

describe("IDOR matrix: every route handler and every page with an id in its URL", () => {
  it("has an entry for every app/**/route.ts", () => expectComplete(routeFiles(), ROUTE_MATRIX, "route handlers"));
  it("has an entry for every page with a [param] or search params", () => expectComplete(pageFilesWithIds(), PAGE_MATRIX, "pages with a [param] or search params"));

  describe("called by dojo A (owner, or member M1) with dojo B's or member M2's ids", () => {
    let world: IdorWorld;
    beforeAll(async () => {
      world = await buildIdorWorld();
      world.signInOwnerA();
      const own = await addLedgerEntry({
        kind: "cost",
        date: "2026-03-01",
        category: "Rent",
        description: "Dojo A rent",
        amount: "90.00",
      });
      expect(own.ok).toBe(true);
      actAs(null);
    }, 120_000);

    for (const [file, entry] of Object.entries({
      ...ROUTE_MATRIX,
      ...PAGE_MATRIX,
    })) {
      if ("na" in entry) continue;
      describe(file, () => {
        for (const check of entry.checks) it(check.name, () => check.run(world));
      });
    }
  });
});
