import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/session";
import { getSeller } from "@/lib/dojos/profile";
import { staffT } from "@/lib/i18n/staff-session";
import { ProfileForm } from "./profile-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.settings.profile"))("metaTitle") };
}

export default async function DojoProfilePage() {
  const { dojo } = await requireStaffPage("settings.account");
  const seller = await getSeller(await getDb(), dojo.id);
  const { logo, updatedAt: _updatedAt, ...fields } = seller;
  const t = await staffT("staff.settings.profile");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <ProfileForm values={fields} logoUrl={logo ? `data:${logo.type};base64,${logo.bytes.toString("base64")}` : null} />
      </CardBody>
    </Card>
  );
}
