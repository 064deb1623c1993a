import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/db/schema";

// Settings sections and who sees them; /settings opens the first one the role may see.
// Each person's own name and password are not a dojo setting: they live at /account.
const TABS: { href: string; label: string; permission: Permission }[] = [
  { href: "/settings/account", label: "Account", permission: "settings.account" },
  { href: "/settings/profile", label: "Dojo profile", permission: "settings.account" },
  { href: "/settings/staff", label: "Staff", permission: "staff.manage" },
  { href: "/settings/stripe", label: "Stripe", permission: "settings.payments" },
];

export function settingsTabsFor(role: Role) {
  return TABS.filter((t) => can(role, t.permission)).map(({ href, label }) => ({ href, label }));
}
