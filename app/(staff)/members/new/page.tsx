import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { BackLink } from "../back-link";
import { MemberForm } from "../member-form";

export const metadata = { title: "Add member" };

export default async function NewMemberPage() {
  await requireStaffPage("members");
  return (
    <div className="max-w-3xl">
      <BackLink />
      <PageHeader title="Add member" description="The member gets a UID for the members area right away." />
      <Card>
        <CardBody>
          <MemberForm />
        </CardBody>
      </Card>
    </div>
  );
}
