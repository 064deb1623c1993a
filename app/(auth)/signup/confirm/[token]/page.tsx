import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { findSignupRequest, SIGNUP_LINK_PROBLEMS } from "@/lib/dojos/signup-request";
import { ConfirmSignupForm } from "./confirm-signup-form";

export const metadata = { title: "Confirm your dojo", robots: { index: false } };

// A page with a button, not a GET that creates: mail scanners open links before people do.
export default async function ConfirmSignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findSignupRequest(await getDb(), token);

  if (found.state !== "valid") {
    const done = found.state === "confirmed";
    return (
      <Card>
        <CardBody className="space-y-4 p-6">
          <h1 className="text-xl font-semibold">{done ? "Your dojo is ready" : found.state === "expired" ? "This link has expired" : "This link does not work"}</h1>
          <p className="text-sm text-stone-600">{done ? "Log in with your e-mail and the password you chose." : SIGNUP_LINK_PROBLEMS[found.state]}</p>
          <Link href={done ? "/login" : "/signup"} className="inline-block text-sm font-medium text-brand-700 hover:underline">
            {done ? "Go to staff log in" : "Sign up again"}
          </Link>
        </CardBody>
      </Card>
    );
  }

  const { request } = found;
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        <div>
          <h1 className="text-xl font-semibold">Create {request.dojoName}</h1>
          <p className="mt-1 text-sm text-stone-600">
            Your e-mail address <strong className="break-all">{request.email}</strong> is confirmed. Your dojo&apos;s public address will be <strong className="break-all">/shop/{request.slug}</strong>, its currency {request.currency}.
          </p>
        </div>
        <ConfirmSignupForm token={token} />
      </CardBody>
    </Card>
  );
}
