import { AppShell } from "@/components/layout/app-shell";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { logOut } from "./actions";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const { user, dojo } = await requireStaffPage();
  const nav = [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/members", label: "Members" },
    { href: "/invoices", label: "Invoices" },
    ...(can(user.role, "campaigns") ? [{ href: "/campaigns", label: "Campaigns" }] : []),
    ...(can(user.role, "ledger") ? [{ href: "/ledger", label: "Costs & revenues" }] : []),
    ...(can(user.role, "settings") ? [{ href: "/settings", label: "Settings" }] : []),
  ];
  return (
    <AppShell
      home="/dashboard"
      nav={nav}
      title={dojo.name}
      subtitle={`${user.name} · ${ROLE_LABELS[user.role]}`}
      footer={
        <form action={logOut}>
          <Button type="submit" variant="secondary" className="w-full">
            Log out
          </Button>
        </form>
      }
    >
      {children}
    </AppShell>
  );
}
