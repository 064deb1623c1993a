import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { staffT } from "@/lib/i18n/staff-session";
import { SignupForm } from "./signup-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.auth.signup"))("title") };
}

export default async function SignupPage() {
  const t = await staffT("staff.auth.signup");
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-stone-500">{t("tagline")}</p>
        </div>
        <SignupForm />
        <p className="text-center text-sm text-stone-500">
          {t("haveAccount")}{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/login">
            {t("logIn")}
          </Link>
        </p>
      </CardBody>
    </Card>
  );
}
