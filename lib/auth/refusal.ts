import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { roleEnum, staffUsers, type Role } from "@/db/schema";
import { can, ROLE_LABELS, type Permission } from "./permissions";

export { PATH_HEADER } from "./refusal-header";

// The staff pages a role may be refused, most specific first: what the refusal calls them.
// Each page's own permission (requireStaffPage) is its section's: refusal.test.ts checks.
export const SECTIONS: { prefix: string; name: string; permission: Permission }[] = [
  { prefix: "/settings/stripe", name: "the Stripe settings", permission: "settings.payments" },
  { prefix: "/settings/account", name: "the account and plan settings", permission: "settings.account" },
  { prefix: "/settings/profile", name: "the dojo's profile", permission: "settings.account" },
  { prefix: "/settings/staff", name: "the staff settings", permission: "staff.manage" },
  { prefix: "/settings", name: "the settings", permission: "settings" },
  { prefix: "/ledger", name: "Costs & revenues", permission: "ledger" },
  { prefix: "/campaigns", name: "the campaigns", permission: "campaigns" },
  { prefix: "/webshop/settings", name: "the webshop settings", permission: "settings" },
  { prefix: "/webshop", name: "the webshop", permission: "shop" },
  { prefix: "/members", name: "the members", permission: "members" },
  { prefix: "/invoices", name: "the invoices", permission: "invoices" },
];


export interface Refusal {
  /** "Only the dojo's owners can open the Stripe settings." */
  message: string;
  /** Who to ask, owners first: "Aiko Tanaka (Owner)". */
  askNames: string[];
}

const sectionOf = (path: string) => SECTIONS.find((s) => path === s.prefix || path.startsWith(`${s.prefix}/`));

/** Whether the role is refused the page at `path` (its section's permission); elsewhere every role may open the pages. */
export const isRefused = (role: Role, path: string) => {
  const section = sectionOf(path);
  return section !== undefined && !can(role, section.permission);
};

/** Why a role cannot open the page at `path`, and the people of the dojo who can. */
export async function refusalFor(db: DbOrTx, dojoId: string, path: string): Promise<Refusal> {
  const section = sectionOf(path);
  const roles: Role[] = section ? roleEnum.enumValues.filter((r) => can(r, section.permission)) : ["owner"];
  const people = await db
    .select({ name: staffUsers.name, role: staffUsers.role })
    .from(staffUsers)
    .where(and(eq(staffUsers.dojoId, dojoId), eq(staffUsers.active, true), inArray(staffUsers.role, roles)))
    .orderBy(sql`${staffUsers.role} = 'owner' desc`, asc(staffUsers.name))
    .limit(3);
  const owners = people.filter((p) => p.role === "owner").length;
  const who = roles.length === 1 && roles[0] === "owner" ? `the dojo's owner${owners > 1 ? "s" : ""}` : roles.map((r) => `${ROLE_LABELS[r].toLowerCase()}s`).join(" and ");
  return {
    message: `Only ${who} can open ${section?.name ?? "this page"}.`,
    askNames: people.map((p) => `${p.name} (${ROLE_LABELS[p.role]})`),
  };
}
