import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { staffT } from "@/lib/i18n/staff-session";
import { findSignupRequest } from "@/lib/dojos/signup-request";
import { ConfirmSignupForm } from "./confirm-signup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.auth.confirm"))("title"), robots: { index: false } };
}

// A page with a button, not a GET that creates: mail scanners open links before people do.
export default async function ConfirmSignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findSignupRequest(await getDb(), token);
  const t = await staffT("staff.auth.confirm");

  if (found.state !== "valid") {
    const done = found.state === "confirmed";
    return (
      <Card>
        <CardBody className="space-y-4 p-6">
          <h1 className="text-xl font-semibold">{done ? t("ready") : found.state === "expired" ? t("expiredTitle") : t("invalidTitle")}</h1>
          <p className="text-sm text-stone-600">{done ? t("readyText") : t(`problems.${found.state}`)}</p>
          <Link href={done ? "/login" : "/signup"} className="inline-block text-sm font-medium text-brand-700 hover:underline">
            {done ? t("toLogin") : t("again")}
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
          <h1 className="text-xl font-semibold">{t("create", { dojo: request.dojoName })}</h1>
          <p className="mt-1 text-sm text-stone-600">
            {t.rich("confirmed", { email: request.email, slug: request.slug, currency: request.currency, strong: (chunks) => <strong className="break-all">{chunks}</strong> })}
          </p>
        </div>
        <ConfirmSignupForm token={token} />
      </CardBody>
    </Card>
  );
}
