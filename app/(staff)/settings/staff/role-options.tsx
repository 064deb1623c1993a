import { useTranslations } from "next-intl";
import { ROLES } from "@/lib/staff/schemas";

/** The roles as <option>s, each with what it may do; inside the client forms that pick a role. */
export function RoleOptions() {
  const t = useTranslations("staff");
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {`${t(`shell.roles.${role}`)} — ${t(`settings.staff.roleHints.${role}`)}`}
    </option>
  ));
}
