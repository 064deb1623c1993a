import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { getMember } from "@/lib/members/get";
import { fullName } from "@/lib/members/full-name";
import { BackLink } from "../back-link";
import { MemberForm } from "../member-form";
import { PortalPasswordDialog } from "./password-dialog";
import { PortalInvitationButton } from "./portal-invitation-button";
import { MemberInvoices } from "./member-invoices";
import { MemberProfileCard } from "./profile-card";
import { MemberStatusButton } from "./status-button";
import { MemberStripeSection } from "./stripe-section";

export const metadata = { title: "Member" };

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const { dojo } = await requireStaffPage("members");
  const { id } = await params;
  const member = await getMember(await getDb(), dojo.id, id);
  if (!member) notFound();
  const name = fullName(member);
  return (
    <>
      <BackLink />
      <PageHeader
        title={name}
        actions={
          <>
            <PortalInvitationButton id={member.id} name={name} email={member.email} />
            <PortalPasswordDialog id={member.id} name={name} uid={member.uid} hasPassword={member.hasPortalPassword} />
            <MemberStatusButton id={member.id} name={name} active={member.status === "active"} />
          </>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div className="space-y-6">
          <MemberProfileCard member={member} timeZone={dojo.timeZone} />
        </div>
        {/* The member's activity: one card per section (invoices, …), stacked above the details form. */}
        <div className="space-y-6">
          <MemberStripeSection dojo={dojo} member={member} />
          <MemberInvoices dojoId={dojo.id} memberId={member.id} />
          <Card>
            <CardHeader title="Details" description="Name, e-mail and phone also show in the member’s own members area." />
            <CardBody>
              <MemberForm member={member} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
