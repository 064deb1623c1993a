import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireStaffPage } from "@/lib/auth/session";
import { getSeller } from "@/lib/dojos/profile";
import { ProfileForm } from "./profile-form";

export const metadata = { title: "Dojo profile · Settings" };

export default async function DojoProfilePage() {
  const { dojo } = await requireStaffPage("settings.account");
  const seller = await getSeller(await getDb(), dojo.id);
  const { logo, updatedAt: _updatedAt, ...fields } = seller;
  return (
    <Card>
      <CardHeader title="Dojo profile" description="Printed as the seller on every invoice, its PDF and the invoice mails. A bookkeeper expects the legal name, address, VAT or company number and bank details." />
      <CardBody>
        <ProfileForm values={fields} logoUrl={logo ? `data:${logo.type};base64,${logo.bytes.toString("base64")}` : null} />
      </CardBody>
    </Card>
  );
}
