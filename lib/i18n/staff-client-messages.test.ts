import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder, namespacesReachedFrom } from "@/tests/support/client-namespaces";
import { STAFF_LOCALES } from "./staff-locales";
import { STAFF_CLIENT_NAMESPACES, pickMessages, staffClientMessages, type StaffClientPart } from "./staff-client-messages";

// Each part of the staff dashboard hands its client components only some namespaces; a client
// component reading another would show the key instead of words. A part is the folder of a layout
// that gives one (<StaffIntlProvider … part="members">), down to the folders that give their own;
// every useTranslations("…") reachable from its files must fall inside a namespace it gives.
const partOfLayout = (dir: string): StaffClientPart | null => {
  const layout = path.join(dir, "layout.tsx");
  return existsSync(layout) ? ((/<StaffIntlProvider locale=\{[^}]+\} part="(\w+)">/.exec(readFileSync(layout, "utf8"))?.[1] as StaffClientPart) ?? null) : null;
};
const subfolders = (dir: string) => readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).map((name) => path.join(dir, name));
/** A part's files: its folder's, and its subfolders' down to those with a part of their own. */
const filesOfPart = (dir: string): string[] => [...filesUnder(dir, { recursive: false }), ...subfolders(dir).flatMap((sub) => (partOfLayout(sub) ? [] : filesOfPart(sub)))];
const foldersWithParts = (dir: string): string[] => [...(partOfLayout(dir) ? [dir] : []), ...subfolders(dir).flatMap(foldersWithParts)];

// The staff layout gives the shell's part (app/(staff)/staff-shell.tsx); the sign-in pages' layout "auth".
const STAFF = "app/(staff)";
const PARTS: Array<[string, StaffClientPart]> = [[STAFF, "shell"], ...[...foldersWithParts(STAFF), ...foldersWithParts("app/(auth)")].map((dir) => [dir, partOfLayout(dir)!] as [string, StaffClientPart])];
const covers = (given: readonly string[], namespace: string) => given.some((g) => namespace === g || namespace.startsWith(`${g}.`));

describe("the staff dashboard's client words, part by part", () => {
  it.each(PARTS)("%s (%s) gives every namespace its client components read", (dir, part) => {
    const read = namespacesReachedFrom(filesOfPart(dir));
    const missing = [...read].filter(([namespace]) => !covers(STAFF_CLIENT_NAMESPACES[part], namespace)).map(([namespace, by]) => `${namespace || "(the whole tree)"} ← ${by.join(", ")}`);
    expect(missing).toEqual([]);
  });

  it("every part is given by a layout", () => {
    const given = new Set(PARTS.map(([, part]) => part));
    expect(Object.keys(STAFF_CLIENT_NAMESPACES).filter((part) => !given.has(part as StaffClientPart))).toEqual([]);
    expect(readFileSync(`${STAFF}/staff-shell.tsx`, "utf8")).toContain('<StaffIntlProvider locale={locale} part="shell">');
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

  it("finds a client component's namespace through its imports, and a part's files down to the next part", () => {
    // A member's page shows invoices' status badges: their words must come with that part.
    expect(namespacesReachedFrom(filesOfPart(`${STAFF}/members/[id]`)).get("staff.invoices.status")).toEqual(["app/(staff)/invoices/invoice-status-badge.tsx"]);
    expect(filesOfPart(`${STAFF}/members`).some((file) => file.includes("/members/[id]/"))).toBe(false);
    expect(PARTS.map(([dir]) => dir)).toEqual(expect.arrayContaining([STAFF, `${STAFF}/members`, `${STAFF}/members/[id]`, `${STAFF}/settings`, "app/(auth)"]));
  });
});
