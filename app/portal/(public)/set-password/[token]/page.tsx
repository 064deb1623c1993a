import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { findPortalInvitation } from "@/lib/portal/invitation";
import { SetPasswordForm } from "./set-password-form";

export const metadata = { title: "Set your password", robots: { index: false } };

export default async function SetPortalPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findPortalInvitation(await getDb(), decodeURIComponent(token));
  if (found.state !== "valid") {
    return (
      <Card>
        <CardBody className="space-y-3 p-6">
          <h1 className="text-xl font-semibold">{found.state === "expired" ? "This link has expired" : "This link does not work any more"}</h1>
          <p className="text-sm text-stone-600">
            {found.state === "expired" ? "Invitation links work for 7 days." : "It works once: if you already chose a password, log in with it."} Ask your dojo for a new invitation if you need one.
          </p>
          <Link href="/portal/login" className="inline-block text-sm font-medium text-brand-700 hover:underline">
            Go to the members area log in
          </Link>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        <div>
          <h1 className="text-xl font-semibold">Welcome, {found.member.firstName}</h1>
          <p className="mt-1 text-sm text-stone-500">
            Choose a password for the {found.dojoName} members area. You log in with your UID <span className="font-mono font-semibold text-stone-800">{found.member.uid}</span> and this password.
          </p>
        </div>
        <SetPasswordForm token={decodeURIComponent(token)} />
      </CardBody>
    </Card>
  );
}
