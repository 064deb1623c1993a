import type { Metadata } from "next";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff-session";
import { BackLink } from "../back-link";
import { MemberForm } from "../member-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.members.new"))("title") };
}

export default async function NewMemberPage() {
  await requireStaffPage("members");
  const t = await staffT("staff.members.new");
  return (
    <div className="max-w-3xl">
      <BackLink />
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardBody>
          <MemberForm />
        </CardBody>
      </Card>
    </div>
  );
}
