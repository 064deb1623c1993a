import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { SettingsTabs } from "./settings-tabs";
import { settingsTabsFor } from "./tabs";

export const metadata = { title: "Settings" };

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireStaffPage("settings");
  return (
    <div className="max-w-4xl">
      <PageHeader title="Settings" />
      <SettingsTabs tabs={settingsTabsFor(user.role)} />
      {children}
    </div>
  );
}
