import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { filesUnder } from "@/tests/support/client-namespaces";
import { can, type Permission } from "./permissions";

vi.mock("server-only", () => ({}));
const { SECTIONS, isRefused } = await import("./refusal");

// The refusal page is drawn with every staff page and asks the database only when isRefused says
// the person is refused the page: that must be exactly when the page's requireStaffPage refuses.
const STAFF = "app/(staff)";
const routeOf = (file: string) => `/${path.relative(STAFF, path.dirname(path.relative(process.cwd(), file)))}`.replace(/\[[^\]]+\]/g, "x").replace(/\/$/, "") || "/";

describe("the refusal's sections", () => {
  const guarded = filesUnder(STAFF)
    .filter((file) => /\/(page|layout)\.tsx$/.test(file))
    .flatMap((file) => [...readFileSync(file, "utf8").matchAll(/requireStaffPage\("([^"]+)"\)/g)].map((m) => ({ route: routeOf(file), permission: m[1] as Permission })));

  it("finds the staff pages' permissions", () => {
    expect(guarded).toEqual(expect.arrayContaining([{ route: "/settings/stripe", permission: "settings.payments" }, { route: "/webshop/settings", permission: "settings" }]));
  });

  it.each(["owner", "manager", "staff"] as const)("refuse a %s exactly the pages requireStaffPage refuses", (role) => {
    const wrong = guarded.filter(({ route, permission }) => isRefused(role, route) !== !can(role, permission));
    expect(wrong).toEqual([]);
  });

  it("name each section once, the most specific first", () => {
    const prefixes = SECTIONS.map((s) => s.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    prefixes.forEach((prefix, i) => expect(prefixes.slice(0, i).some((before) => prefix.startsWith(`${before}/`)), prefix).toBe(false));
  });
});
