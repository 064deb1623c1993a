import type { Role } from "@/db/schema";

// What each staff role may do. Owners do everything; managers all but account and payment
// settings; staff handle members, invoices and the webshop. Giving money back (refunds) and
// campaigns are for owners and managers. Everyone keeps their own account (name, password).
export type Permission = "account" | "members" | "invoices" | "refunds" | "ledger" | "settings" | "settings.account" | "settings.payments" | "staff.manage" | "shop" | "campaigns";

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ["account", "members", "invoices", "refunds", "ledger", "settings", "settings.account", "settings.payments", "staff.manage", "shop", "campaigns"],
  manager: ["account", "members", "invoices", "refunds", "ledger", "settings", "shop", "campaigns"],
  staff: ["account", "members", "invoices", "shop"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", manager: "Manager", staff: "Staff" };
