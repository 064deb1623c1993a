import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffPage } from "@/lib/auth/session";
import { staffT } from "@/lib/i18n/staff-session";
import { getMember } from "@/lib/members/get";
import { fullName } from "@/lib/members/full-name";
import { BackLink } from "../back-link";
import { MemberForm } from "../member-form";
import { PortalPasswordDialog } from "./password-dialog";
import { PortalInvitationButton } from "./portal-invitation-button";
import { MemberFamilyCard } from "./family-card";
import { MemberInvoices } from "./member-invoices";
import { MemberProfileCard } from "./profile-card";
import { MemberStatusButton } from "./status-button";
import { MemberStripeSection } from "./stripe-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.members.member"))("title") };
}

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const { dojo } = await requireStaffPage("members");
  const { id } = await params;
  const member = await getMember(await getDb(), dojo.id, id);
  if (!member) notFound();
  const name = fullName(member);
  const t = await staffT("staff.members.member.details");
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
      {/* One column on phones that never grows past the screen: a wide table scrolls inside its card. */}
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div className="space-y-6">
          <MemberProfileCard member={member} timeZone={dojo.timeZone} />
          <MemberFamilyCard dojoId={dojo.id} memberId={member.id} />
        </div>
        {/* The member's activity: one card per section (invoices, …), stacked above the details form. */}
        <div className="space-y-6">
          <MemberStripeSection dojo={dojo} member={member} />
          <MemberInvoices dojoId={dojo.id} memberId={member.id} />
          <Card>
            <CardHeader title={t("title")} description={t("description")} />
            <CardBody>
              <MemberForm member={member} />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
