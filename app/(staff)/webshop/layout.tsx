import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";
import { SettingsTabs } from "../settings/settings-tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.webshop"))("title") };
}

export default async function WebshopLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireStaffPage("shop");
  const t = await staffT("staff.webshop");
  const tabs = [
    { href: "/webshop/products", label: t("tabs.products") },
    { href: "/webshop/orders", label: t("tabs.orders") },
    ...(can(user.role, "settings") ? [{ href: "/webshop/settings", label: t("tabs.settings") }] : []),
  ];
  return (
    <div className="max-w-5xl">
      <SettingsTabs label={t("title")} tabs={tabs} />
      <StaffIntlProvider locale={await staffLocale()} part="webshop">
        {children}
      </StaffIntlProvider>
    </div>
  );
}
