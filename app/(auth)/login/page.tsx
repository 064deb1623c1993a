import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardBody } from "@/components/ui/card";
import { LoginForm } from "@/components/forms/login-form";
import { staffT } from "@/lib/i18n/staff-session";
import { logIn } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.auth.login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { welcome } = await searchParams;
  const t = await staffT("staff.auth.login");
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        {welcome === "1" && (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
            {t("welcome")}
          </p>
        )}
        <div>
          <h1 className="text-xl font-semibold">{t("heading")}</h1>
          <p className="mt-1 text-sm text-stone-500">
            {t.rich("students", {
              link: (chunks) => (
                <Link className="text-brand-700 hover:underline" href="/portal/login">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </div>
        {/* The shared form's words (components.login) come from the auth layout's provider, in the dashboard's language. */}
        <LoginForm idField="email" action={logIn} />
        <p className="text-center text-sm text-stone-500">
          {t("newHere")}{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/signup">
            {t("signUp")}
          </Link>
        </p>
      </CardBody>
    </Card>
  );
}
