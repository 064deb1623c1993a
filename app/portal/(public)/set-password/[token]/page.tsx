import Link from "next/link";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { translator } from "@/lib/i18n/messages";
import { visitorLocale } from "@/lib/i18n/visitor-locale";
import { findPortalInvitation } from "@/lib/portal/invitation";
import { SetPasswordForm } from "./set-password-form";

export const metadata = { robots: { index: false } };

/** The members-area invitation: in the invited member's language (the browser's when the link names nobody). */
export default async function SetPortalPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findPortalInvitation(await getDb(), decodeURIComponent(token));
  const locale = found.state === "invalid" ? await visitorLocale() : found.locale;
  const t = translator(locale, "setPassword");
  if (found.state !== "valid") {
    return (
      <Card>
        <title>{t("title")}</title>
        <CardBody className="space-y-3 p-6">
          <h1 className="text-xl font-semibold">{found.state === "expired" ? t("expiredTitle") : t("usedTitle")}</h1>
          <p className="text-sm text-stone-600">
            {found.state === "expired" ? t("expired") : t("used")} {t("askNew")}
          </p>
          <Link href="/portal/login" className="inline-block text-sm font-medium text-brand-700 hover:underline">
            {t("toLogin")}
          </Link>
        </CardBody>
      </Card>
    );
  }
  return (
    <Card>
      <title>{t("title")}</title>
      <CardBody className="space-y-6 p-6">
        <div>
          <h1 className="text-xl font-semibold">{t("welcome", { name: found.member.firstName })}</h1>
          <p className="mt-1 text-sm text-stone-500">
            {t.rich("intro", { dojo: found.dojoName, uid: () => <span className="font-mono font-semibold text-stone-800">{found.member.uid}</span> })}
          </p>
        </div>
        <IntlProvider locale={locale} namespaces={["setPassword"]}>
          <SetPasswordForm token={decodeURIComponent(token)} />
        </IntlProvider>
      </CardBody>
    </Card>
  );
}
