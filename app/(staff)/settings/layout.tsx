import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { StaffIntlProvider } from "@/components/i18n/staff-intl-provider";
import { SettingsTabs } from "./settings-tabs";
import { settingsTabsFor } from "./tabs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.settings"))("title") };
}

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireStaffPage("settings");
  const t = await staffT("staff.settings");
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} />
      <SettingsTabs label={t("title")} tabs={settingsTabsFor(user.role).map(({ href, key }) => ({ href, label: t(`tabs.${key}`) }))} />
      <StaffIntlProvider locale={await staffLocale()} part="settings">
        {children}
      </StaffIntlProvider>
    </div>
  );
}
