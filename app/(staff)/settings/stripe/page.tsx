import { getDb } from "@/db/client";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { hasFeature } from "@/lib/account-plans/features";
import { getStripeConnection } from "@/lib/stripe/connection";
import { latestMoneyCheck } from "@/lib/stripe/money-check/check";
import { connectionView, recentStripeEvents, webhookState } from "@/lib/stripe/status";
import { webhookUrlProblem } from "@/lib/stripe/webhook-endpoint";
import { ConnectForm } from "./connect-form";
import { ConnectionCard } from "./connection-card";
import { EventsCard } from "./events-card";
import { MoneyCheckCard } from "./money-check-card";
import { UpgradePrompt } from "./upgrade-prompt";

export const metadata = { title: "Stripe · Settings" };

export default async function StripeSettingsPage() {
  const { dojo, user } = await requireStaffPage("settings.payments");
  if (!hasFeature(dojo.plan, "stripePayments")) return <UpgradePrompt plan={dojo.plan} />;

  const db = await getDb();
  const connection = await getStripeConnection(db, dojo.id);
  if (!connection) {
    // Known before the owner types a key: Stripe would refuse this installation's webhook URL.
    const unreachable = webhookUrlProblem(dojo.id);
    return (
      <Card>
        <CardHeader
          title="Connect Stripe"
          description="Take card payments into your own Stripe account. Find both keys in the Stripe dashboard under Developers → API keys; Tatami creates the webhook endpoint itself."
        />
        <CardBody className="space-y-4">
          {unreachable && (
            <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {unreachable}
            </p>
          )}
          <ConnectForm defaultCurrency={dojo.currency} submitLabel="Connect Stripe" />
        </CardBody>
      </Card>
    );
  }

  const [state, events, check] = await Promise.all([webhookState(connection), recentStripeEvents(db, dojo.id), latestMoneyCheck(db, dojo.id)]);
  return (
    <div className="space-y-6">
      <ConnectionCard connection={connectionView(connection)} webhook={state} timeZone={dojo.timeZone} />
      <MoneyCheckCard check={check} mayAct={can(user.role, "refunds")} timeZone={dojo.timeZone} />
      <EventsCard events={events} timeZone={dojo.timeZone} />
    </div>
  );
}
