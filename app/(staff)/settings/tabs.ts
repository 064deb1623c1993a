import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/db/schema";

// Settings sections and who sees them; /settings opens the first one the role may see.
// Each person's own name and password are not a dojo setting: they live at /account.
// `key` names the tab's label in messages/staff/<locale>/settings.json (tabs.<key>).
const TABS: { href: string; key: "account" | "profile" | "staff" | "stripe"; permission: Permission }[] = [
  { href: "/settings/account", key: "account", permission: "settings.account" },
  { href: "/settings/profile", key: "profile", permission: "settings.account" },
  { href: "/settings/staff", key: "staff", permission: "staff.manage" },
  { href: "/settings/stripe", key: "stripe", permission: "settings.payments" },
];

export function settingsTabsFor(role: Role) {
  return TABS.filter((t) => can(role, t.permission)).map(({ href, key }) => ({ href, key }));
}
