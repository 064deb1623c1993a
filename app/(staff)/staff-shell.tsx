import { AppShell } from "@/components/layout/app-shell";
import { PlanBanner } from "@/components/plans/plan-banner";
import { Button } from "@/components/ui/button";
import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";
import { can } from "@/lib/auth/permissions";
import type { StaffContext } from "@/lib/auth/session";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { logOut } from "./actions";
import { settingsTabsFor } from "./settings/tabs";

/** The staff dashboard around a page: navigation, the dojo and who is signed in, the plan banner. Also the bench's /bench/shell/shell. */
export function StaffShell({ session: { user, dojo, billing = null }, locale, children }: { session: StaffContext; locale: StaffLocale; children: React.ReactNode }) {
  const t = staffTranslator(locale, "staff.shell");
  const nav = [
    { href: "/dashboard", label: t("nav.dashboard") },
    { href: "/members", label: t("nav.members") },
    { href: "/invoices", label: t("nav.invoices") },
    ...(can(user.role, "shop") ? [{ href: "/webshop", label: t("nav.webshop") }] : []),
    ...(can(user.role, "campaigns") ? [{ href: "/campaigns", label: t("nav.campaigns") }] : []),
    ...(can(user.role, "ledger") ? [{ href: "/ledger", label: t("nav.ledger") }] : []),
    ...(settingsTabsFor(user.role).length > 0 ? [{ href: "/settings", label: t("nav.settings") }] : []),
    { href: "/account", label: t("nav.account") },
  ];
  return (
    <StaffIntlProvider locale={locale} part="shell">
      <AppShell
        home="/dashboard"
        nav={nav}
        title={dojo.name}
        subtitle={`${user.name} · ${t(`roles.${user.role}`)}`}
        footer={
          <form action={logOut}>
            <Button type="submit" variant="secondary" className="w-full">
              {t("logOut")}
            </Button>
          </form>
        }
      >
        <PlanBanner billing={billing} canChoose={can(user.role, "settings.account")} timeZone={dojo.timeZone} locale={locale} />
        {children}
      </AppShell>
    </StaffIntlProvider>
  );
}
