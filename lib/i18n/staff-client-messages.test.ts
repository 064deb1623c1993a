import { readFileSync, readdirSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { filesUnder, namespacesReachedFrom } from "@/tests/support/client-namespaces";
import { STAFF_LOCALES } from "./staff-locales";
import { STAFF_CLIENT_NAMESPACES, pickMessages, staffClientMessages, type StaffClientPart } from "./staff-client-messages";

// Each part of the staff dashboard hands its client components only some namespaces; a client
// component reading another would show the key instead of words. Every useTranslations("…")
// reachable from a part's files must fall inside a namespace that part's provider gives.
const STAFF = "app/(staff)";
const areas = readdirSync(STAFF).filter((name) => statSync(`${STAFF}/${name}`).isDirectory());
const PARTS: Array<{ part: StaffClientPart; files: () => string[] }> = [
  { part: "shell", files: () => filesUnder(STAFF, { recursive: false }) },
  { part: "auth", files: () => filesUnder("app/(auth)") },
  // An area without a provider of its own (no client words) is under the shell's.
  ...areas.map((area) => ({ part: (area in STAFF_CLIENT_NAMESPACES ? area : "shell") as StaffClientPart, files: () => filesUnder(`${STAFF}/${area}`) })),
];
const covers = (given: readonly string[], namespace: string) => given.some((g) => namespace === g || namespace.startsWith(`${g}.`));

describe("the staff dashboard's client words, part by part", () => {
  it.each(PARTS.map((p, i) => [i === 0 ? "the staff layout" : i === 1 ? "app/(auth)" : `${STAFF}/${areas[i - 2]}`, p] as const))("%s gives every namespace its client components read", (_name, { part, files }) => {
    const read = namespacesReachedFrom(files());
    const missing = [...read].filter(([namespace]) => !covers(STAFF_CLIENT_NAMESPACES[part], namespace)).map(([namespace, by]) => `${namespace || "(the whole tree)"} ← ${by.join(", ")}`);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(STAFF_CLIENT_NAMESPACES).filter((p) => !["shell", "auth"].includes(p)))("the %s area's layout gives its own words", (area) => {
    expect(readFileSync(`${STAFF}/${area}/layout.tsx`, "utf8")).toMatch(new RegExp(`<StaffIntlProvider locale={[^}]+} part="${area}">`));
  });

  it.each(STAFF_LOCALES)("every part's namespaces exist in %s, and only those are given", (locale) => {
    for (const part of Object.keys(STAFF_CLIENT_NAMESPACES) as StaffClientPart[]) {
      const messages = staffClientMessages(locale, part);
      expect(Object.keys(messages).sort()).toEqual([...new Set(STAFF_CLIENT_NAMESPACES[part].map((n) => n.split(".")[0]))].sort());
    }
    expect(JSON.stringify(staffClientMessages(locale, "shell")).length).toBeLessThan(5_000);
  });

  it("picks nested namespaces, once when one holds another", () => {
    const tree = { ui: { close: "Close", toast: { dismiss: "Dismiss" } }, staff: { shell: { menu: "Menu" }, members: { title: "Members", form: { save: "Save" } } } };
    expect(pickMessages(tree, ["ui.toast", "staff.members.form", "ui"])).toEqual({ ui: tree.ui, staff: { members: { form: { save: "Save" } } } });
    expect(() => pickMessages(tree, ["staff.ledger"])).toThrow('No messages for "staff.ledger"');
  });

  it("finds a client component's namespace through its imports", () => {
    // The members area shows invoices' status badges: their words must come with the area.
    expect(namespacesReachedFrom(filesUnder(`${STAFF}/members`)).get("staff.invoices.status")).toEqual(["app/(staff)/invoices/invoice-status-badge.tsx"]);
  });
});
