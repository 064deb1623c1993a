import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getShopSettings, shopPaymentOptions } from "@/lib/shop/settings";
import { ShopSettingsForm } from "./shop-settings-form";

export const metadata = { title: "Shop settings" };

export default async function ShopSettingsPage() {
  const { dojo } = await requireStaffPage("settings");
  const db = await getDb();
  const settings = await getShopSettings(db, dojo.id);
  const { cardUnavailable } = await shopPaymentOptions(db, dojo, settings);
  return (
    <Card>
      <CardHeader
        title="Shop settings"
        description={
          <>
            Your public shop: <Link href={`/shop/${dojo.slug}`} className="text-brand-700 hover:underline">/shop/{dojo.slug}</Link>
          </>
        }
      />
      <CardBody>
        <ShopSettingsForm values={settings} cardUnavailable={cardUnavailable} />
      </CardBody>
    </Card>
  );
}
