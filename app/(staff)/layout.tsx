import { requireStaffPage } from "@/lib/auth/session";
import { staffLocale } from "@/lib/i18n/staff-session";
import { StaffShell } from "./staff-shell";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const session = await requireStaffPage();
  return (
    <StaffShell session={session} locale={await staffLocale()}>
      {children}
    </StaffShell>
  );
}
