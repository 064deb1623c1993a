import { ROLE_LABELS } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/staff/schemas";

const ROLE_HINTS = { owner: "everything", manager: "all but account and payment settings", staff: "members and invoices" } as const;

export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]} — {ROLE_HINTS[role]}
    </option>
  ));
}
