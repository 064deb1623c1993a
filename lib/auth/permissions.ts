import type { Role } from "@/db/schema";

// What each staff role may do. Owners do everything; managers all but account and payment
// settings; staff handle members and invoices only.
export type Permission = "members" | "invoices" | "ledger" | "settings" | "settings.account" | "settings.payments" | "staff.manage" | "shop";

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ["members", "invoices", "ledger", "settings", "settings.account", "settings.payments", "staff.manage", "shop"],
  manager: ["members", "invoices", "ledger", "settings", "shop"],
  staff: ["members", "invoices", "shop"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", manager: "Manager", staff: "Staff" };
