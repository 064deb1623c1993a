import { getDb } from "@/db/client";
import { AppShell } from "@/components/layout/app-shell";
import { PlanBanner } from "@/components/plans/plan-banner";
import { Button } from "@/components/ui/button";
import { can, ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { getBilling } from "@/lib/account-plans/billing-account";
import { logOut } from "./actions";
import { settingsTabsFor } from "./settings/tabs";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const { user, dojo } = await requireStaffPage();
  const billing = await getBilling(await getDb(), dojo.id);
  const nav = [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/members", label: "Members" },
    { href: "/invoices", label: "Invoices" },
    ...(can(user.role, "shop") ? [{ href: "/webshop", label: "Webshop" }] : []),
    ...(can(user.role, "campaigns") ? [{ href: "/campaigns", label: "Campaigns" }] : []),
    ...(can(user.role, "ledger") ? [{ href: "/ledger", label: "Costs & revenues" }] : []),
    ...(settingsTabsFor(user.role).length > 0 ? [{ href: "/settings", label: "Settings" }] : []),
    { href: "/account", label: "My account" },
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
      <PlanBanner billing={billing} canChoose={can(user.role, "settings.account")} timeZone={dojo.timeZone} />
      {children}
    </AppShell>
  );
}
