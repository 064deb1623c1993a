import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getShopSettings, shopPaymentOptions } from "@/lib/shop/settings";
import { staffT } from "@/lib/i18n/staff-session";
import { ShopSettingsForm } from "./shop-settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.webshop.settings"))("title") };
}

export default async function ShopSettingsPage() {
  const { dojo } = await requireStaffPage("settings");
  const db = await getDb();
  const settings = await getShopSettings(db, dojo.id);
  const { cardUnavailable } = await shopPaymentOptions(db, dojo, settings);
  const t = await staffT("staff.webshop.settings");
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t.rich("publicShop", {
          path: `/shop/${dojo.slug}`,
          link: (path) => (
            <Link href={`/shop/${dojo.slug}`} className="text-brand-700 hover:underline">
              {path}
            </Link>
          ),
        })}
      />
      <CardBody>
        <ShopSettingsForm values={settings} cardUnavailable={cardUnavailable} />
      </CardBody>
    </Card>
  );
}
