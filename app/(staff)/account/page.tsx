import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { ChangeNameForm } from "./change-name-form";
import { ChangePasswordForm } from "./change-password-form";

export const metadata = { title: "My account" };

// Every role reaches its own account, whatever it may do in the dojo's settings.
export default async function MyAccountPage() {
  const { user } = await requireStaffPage("account");
  return (
    <div className="max-w-4xl">
      <PageHeader title="My account" description={`${user.email} · ${ROLE_LABELS[user.role]}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Your name" description="Shown to the other staff of your dojo." />
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
    </div>
  );
}
