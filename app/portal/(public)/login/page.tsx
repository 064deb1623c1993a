import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardBody } from "@/components/ui/card";
import { LoginForm } from "@/components/forms/login-form";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { getMemberSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n/messages";
import { visitorLocale } from "@/lib/i18n/visitor-locale";
import { logInMember } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await visitorLocale(), "portal.login")("title") };
}

/** No member yet: in the browser's language among ours (English when it asks for none). */
export default async function PortalLoginPage() {
  if (await getMemberSession()) redirect("/portal");
  const locale = await visitorLocale();
  const t = translator(locale, "portal.login");
  return (
    <Card>
      <CardBody className="space-y-6 p-6">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-stone-500">{t("intro")}</p>
        </div>
        <IntlProvider locale={locale} namespaces={["components"]}>
          <LoginForm idField="uid" action={logInMember} />
        </IntlProvider>
        <p className="text-center text-sm text-stone-500">
          {t("staffQuestion")}{" "}
          <Link className="font-medium text-brand-700 hover:underline" href="/login">
            {t("staffLink")}
          </Link>
        </p>
      </CardBody>
    </Card>
  );
}
