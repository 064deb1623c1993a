import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { hasFeature } from "@/lib/account-plans/features";
import { staffLocale } from "@/lib/i18n/staff-session";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { getStripeConnection } from "@/lib/stripe/connection";
import { latestMoneyCheck } from "@/lib/stripe/money-check/check";
import { connectionView, recentStripeEvents, webhookState } from "@/lib/stripe/status";
import { webhookUrlProblemText } from "@/lib/action-errors/stripe";
import { webhookUrlProblem } from "@/lib/stripe/webhook-endpoint";
import { ConnectForm } from "./connect-form";
import { ConnectionCard } from "./connection-card";
import { EventsCard } from "./events-card";
import { MoneyCheckCard } from "./money-check-card";
import { PaymentMethodsCard } from "./payment-methods-card";
import { enabledMethods, offeredMethods } from "@/lib/stripe/payment-methods";
import { UpgradePrompt } from "./upgrade-prompt";

export async function generateMetadata(): Promise<Metadata> {
  return { title: staffTranslator(await staffLocale(), "staff.settings.stripe")("metaTitle") };
}

export default async function StripeSettingsPage() {
  const { dojo, user } = await requireStaffPage("settings.payments");
  const locale = await staffLocale();
  if (!hasFeature(dojo.plan, "stripePayments")) return <UpgradePrompt plan={dojo.plan} locale={locale} />;
  const t = staffTranslator(locale, "staff.settings.stripe.connect");

  const db = await getDb();
  const connection = await getStripeConnection(db, dojo.id);
  if (!connection) {
    // Known before the owner types a key: Stripe would refuse this installation's webhook URL.
    const unreachable = webhookUrlProblem(dojo.id);
    return (
      <Card>
        <CardHeader title={t("title")} description={t("description")} />
        <CardBody className="space-y-4">
          {unreachable && (
            <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {webhookUrlProblemText(unreachable, locale)}
            </p>
          )}
          <ConnectForm defaultCurrency={dojo.currency} submitLabel={t("submit")} />
        </CardBody>
      </Card>
    );
  }

  const [state, events, check] = await Promise.all([webhookState(connection), recentStripeEvents(db, dojo.id), latestMoneyCheck(db, dojo.id)]);
  return (
    <div className="space-y-6">
      <ConnectionCard connection={connectionView(connection)} webhook={state} timeZone={dojo.timeZone} locale={locale} />
      <PaymentMethodsCard offered={offeredMethods(connection.currency)} enabled={enabledMethods(connection.paymentMethods, connection.currency)} />
      <MoneyCheckCard check={check} mayAct={can(user.role, "refunds")} timeZone={dojo.timeZone} locale={locale} />
      <EventsCard events={events} timeZone={dojo.timeZone} locale={locale} />
    </div>
  );
}
