import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { ChangeLanguageForm } from "./change-language-form";
import { ChangeNameForm } from "./change-name-form";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.account"))("title") };
}

// Every role reaches its own account, whatever it may do in the dojo's settings.
export default async function MyAccountPage() {
  const { user } = await requireStaffPage("account");
  const t = await staffT("staff.account");
  const roles = await staffT("staff.shell.roles");
  return (
    <div className="max-w-4xl">
      <PageHeader title={t("title")} description={`${user.email} · ${roles(user.role)}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("name.title")} description={t("name.description")} />
          <CardBody>
            <ChangeNameForm name={user.name} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("language.title")} description={t("language.description")} />
          <CardBody>
            <ChangeLanguageForm language={await staffLocale()} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("password.title")} description={t("password.description")} />
          <CardBody>
            <ChangePasswordForm />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
