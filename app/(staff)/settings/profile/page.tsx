import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { ChangeNameForm } from "./change-name-form";
import { ChangePasswordForm } from "./change-password-form";

export const metadata = { title: "My account · Settings" };

export default async function ProfileSettingsPage() {
  const { user } = await requireStaffPage("settings");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader title="Your details" description={`${user.email} · ${ROLE_LABELS[user.role]}`} />
        <CardBody>
          <ChangeNameForm name={user.name} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Password" description="Changing it logs you out everywhere, here too." />
        <CardBody>
          <ChangePasswordForm />
        </CardBody>
      </Card>
    </div>
  );
}
