import { redirect } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/session";
import { settingsTabsFor } from "./tabs";

export default async function SettingsPage() {
  const { user } = await requireStaffPage("settings");
  redirect(settingsTabsFor(user.role)[0]?.href ?? "/account");
}
