import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { findInvitation } from "@/lib/staff/find-invitation";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata = { title: "Join your dojo", robots: { index: false } };

const PROBLEMS = {
  expired: { title: "This invitation has expired", hint: "Invitation links work for 7 days. Ask the dojo's owner for a new one." },
  revoked: { title: "This invitation was withdrawn", hint: "Ask the dojo's owner for a new one if this is a mistake." },
  accepted: { title: "This invitation was already used", hint: "Your account exists: log in with your e-mail and password." },
  unknown: { title: "Invitation not found", hint: "Check that you copied the whole link, or ask the dojo's owner for a new one." },
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findInvitation(await getDb(), token);

  if (found.state !== "valid") {
    return (
      <Card>
        <CardBody className="space-y-4 p-6">
          <h1 className="text-xl font-semibold">{PROBLEMS[found.state].title}</h1>
          <p className="text-sm text-stone-600">{PROBLEMS[found.state].hint}</p>
          <Link href="/login" className="inline-block text-sm font-medium text-brand-700 hover:underline">
            Go to staff log in
          </Link>
        </CardBody>
      </Card>
    );
  }

  const { invitation } = found;
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        <div>
          <h1 className="text-xl font-semibold">Join {invitation.dojoName}</h1>
          <p className="mt-1 text-sm text-stone-600">
            You are invited as <strong>{ROLE_LABELS[invitation.role]}</strong>. You will log in with <strong className="break-all">{invitation.email}</strong>.
          </p>
        </div>
        <AcceptInvitationForm token={token} name={invitation.name} />
      </CardBody>
    </Card>
  );
}
