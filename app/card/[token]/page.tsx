import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Card, CardBody } from "@/components/ui/card";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { clientIp } from "@/lib/auth/client-ip";
import { moneyLocale, resolveLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { cardAvailability } from "@/lib/payments/card/card-availability";
import { getStripeConnection } from "@/lib/stripe/connection";
import { checkoutMethods } from "@/lib/stripe/payment-methods";
import { openCardLink } from "@/lib/subscriptions/card-link-access";
import { memberSubscriptionInvoice } from "@/lib/subscriptions/pay-open-invoice";
import { CardLinkForm } from "./card-link-form";

// The title is rendered by the page (React hoists <title>): it is in the language of the link's member.
export const metadata: Metadata = { robots: { index: false, follow: false } };

function Problem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <title>{title}</title>
      <CardBody className="space-y-2">
        <h1 className="text-lg font-semibold text-stone-900">{title}</h1>
        <div className="text-sm text-stone-600">{children}</div>
      </CardBody>
    </Card>
  );
}

/** A member's own card link, or a contact-paid family's (`/card/<token>`): add a card for subscriptions, pay or confirm an unpaid one. In the member's language (a contact's: the dojo's). */
export default async function CardLinkPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ invoice?: string | string[] }> }) {
  const { token } = await params;
  const { invoice: invoiceParam } = await searchParams;
  const db = await getDb();
  const access = await openCardLink(db, token, await clientIp());
  if (!access.ok) {
    // No member to take the language from.
    const t = translator("en", "");
    return access.reason === "throttled" ? (
      <Problem title={t("common.waitTitle")}>{t("common.throttled", { minutes: access.retryAfterMinutes })}</Problem>
    ) : (
      <Problem title={t("cardLink.brokenTitle")}>
        <p>{t("cardLink.broken")}</p>
      </Problem>
    );
  }
  const { dojo, member, payer, holder } = access.link;
  const locale = resolveLocale(member?.language ?? null, dojo.defaultLanguage);
  const t = translator(locale, "cardLink");
  const { connected, stripeJsUrl } = await cardAvailability(db, dojo);
  if (!connected) {
    return (
      <Problem title={dojo.name}>
        <p>{t("notConnected", { dojo: dojo.name })}</p>
      </Problem>
    );
  }
  // The dojo takes SEPA Direct Debit: the payer may give a mandate instead of a card.
  const connection = await getStripeConnection(db, dojo.id);
  const sepa = !!connection && checkoutMethods(connection, "setup").includes("sepa_debit");
  const invoiceId = typeof invoiceParam === "string" ? invoiceParam : null;
  const invoice = invoiceId ? await memberSubscriptionInvoice(db, dojo.id, payer, invoiceId).catch(() => null) : null;
  return (
    <IntlProvider locale={locale} namespaces={["cardLink", "components"]}>
      <title>{t(sepa ? "titleSepa" : "title")}</title>
      <CardLinkForm
        token={token}
        dojoName={dojo.name}
        firstName={holder.firstName}
        stripeJsUrl={stripeJsUrl}
        sepa={sepa}
        invoice={
          invoice && invoice.status !== "void"
            ? { id: invoice.id, number: invoice.number ?? "", amount: formatMoney(invoice.totalMinor - invoice.paidMinor, invoice.currency, moneyLocale(locale)), paid: invoice.status === "paid" }
            : null
        }
      />
    </IntlProvider>
  );
}
