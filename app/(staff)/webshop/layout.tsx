import { requireStaffPage } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { SettingsTabs } from "../settings/settings-tabs";

export const metadata = { title: "Webshop" };

export default async function WebshopLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireStaffPage("shop");
  const tabs = [
    { href: "/webshop/products", label: "Products" },
    { href: "/webshop/orders", label: "Orders" },
    ...(can(user.role, "settings") ? [{ href: "/webshop/settings", label: "Shop settings" }] : []),
  ];
  return (
    <div className="max-w-5xl">
      <SettingsTabs tabs={tabs} />
      {children}
    </div>
  );
}
