import { useTranslations } from "next-intl";
import { ROLES } from "@/lib/staff/schemas";

/** The roles as <option>s, each with what it may do; inside the client forms that pick a role. */
export function RoleOptions() {
  const roles = useTranslations("staff.shell.roles");
  const hints = useTranslations("staff.settings.staff.roleHints");
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {`${roles(role)} — ${hints(role)}`}
    </option>
  ));
}
