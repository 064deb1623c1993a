import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { resolveLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { visitorLocale } from "@/lib/i18n/visitor-locale";
import { unsubscribeTarget } from "@/lib/mail/unsubscribe";
import { SubscriptionButton } from "./subscription-buttons";

export const metadata = { robots: { index: false } };

// A page with a button, not an instant unsubscribe on GET: mail scanners open links by themselves.
// In the language of the member the link belongs to (the browser's when the link names nobody).
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const target = await unsubscribeTarget(await getDb(), decodeURIComponent(token));
  if (!target) {
    const t = translator(await visitorLocale(), "unsubscribe");
    return (
      <Card>
        <title>{t("title")}</title>
        <CardBody className="space-y-3 p-6">
          <h1 className="text-xl font-semibold">{t("invalidTitle")}</h1>
          <p className="text-sm text-stone-600">{t("invalid")}</p>
        </CardBody>
      </Card>
    );
  }
  const locale = resolveLocale(target.language, target.defaultLanguage);
  const t = translator(locale, "unsubscribe");
  const subscribed = !target.optedOutAt;
  const dojo = target.dojoName;
  return (
    <Card>
      <title>{t("title")}</title>
      <CardBody className="space-y-4 p-6">
        <h1 className="text-xl font-semibold">{subscribed ? t("subscribedTitle", { dojo }) : t("unsubscribedTitle")}</h1>
        <p className="text-sm text-stone-600">{subscribed ? (target.email ? t("askWithEmail", { dojo, email: target.email }) : t("ask", { dojo })) : t("done", { dojo })}</p>
        <IntlProvider locale={locale} namespaces={["unsubscribe"]}>
          <SubscriptionButton token={decodeURIComponent(token)} subscribed={subscribed} />
        </IntlProvider>
      </CardBody>
    </Card>
  );
}
