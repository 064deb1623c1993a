import type { Role } from "@/db/schema";

// What each staff role may do. Owners do everything; managers all but account and payment
// settings; staff handle members and invoices only.
export type Permission = "members" | "invoices" | "ledger" | "settings" | "settings.account" | "settings.payments" | "staff.manage" | "campaigns";

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: ["members", "invoices", "ledger", "settings", "settings.account", "settings.payments", "staff.manage", "campaigns"],
  manager: ["members", "invoices", "ledger", "settings", "campaigns"],
  staff: ["members", "invoices"],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", manager: "Manager", staff: "Staff" };
