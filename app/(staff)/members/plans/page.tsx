import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { UpgradePrompt } from "@/components/plans/upgrade-prompt";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { hasFeature } from "@/lib/account-plans/features";
import { getStripeConnection } from "@/lib/stripe/connection";
import { intervalLabel } from "@/lib/subscriptions/labels";
import { listPlans } from "@/lib/subscriptions/plans";
import { BackLink } from "../back-link";
import { ImportPlansDialog } from "./import-plans-dialog";
import { ArchivePlanButton, CreatePlanDialog } from "./plan-buttons";

export const metadata = { title: "Subscription plans" };

export default async function PlansPage() {
  const { dojo, user } = await requireStaffPage("members");
  const canManage = can(user.role, "settings");
  const db = await getDb();
  const header = (actions?: React.ReactNode) => (
    <>
      <BackLink />
      <PageHeader title="Subscription plans" description="What members can subscribe to: Stripe charges their saved card every week, month or year." actions={actions} />
    </>
  );
  if (!hasFeature(dojo.plan, "subscriptions")) {
    return (
      <>
        {header()}
        <UpgradePrompt feature="subscriptions" plan={dojo.plan} />
      </>
    );
  }
  const connection = await getStripeConnection(db, dojo.id);
  if (!connection) {
    return (
      <>
        {header()}
        <Card>
          <EmptyState title="Stripe is not connected" description="Plans live in your Stripe account. The owner connects Stripe in Settings → Stripe." />
        </Card>
      </>
    );
  }
  const plans = await listPlans(db, dojo.id, { includeArchived: true });
  return (
    <>
      {header(
        canManage && (
          <>
            <ImportPlansDialog />
            <CreatePlanDialog currency={connection.currency.toUpperCase()} />
          </>
        ),
      )}
      <Card>
        {plans.length === 0 ? (
          <EmptyState title="No plans yet" description={canManage ? "Create a plan here (it is created in Stripe too), or import the recurring prices you already have in Stripe." : "The owner or a manager creates plans."} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>Plan</Th>
                <Th className="text-right">Price</Th>
                <Th className="hidden sm:table-cell">Stripe price</Th>
                <Th className="text-right">
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <tr key={plan.id} data-testid="plan-row">
                  <Td className="font-medium text-stone-900">
                    {plan.name} {plan.archived && <Badge>Archived</Badge>}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {formatMoney(plan.amountMinor, plan.currency)} {intervalLabel(plan.interval, plan.intervalCount)}
                  </Td>
                  <Td className="hidden font-mono text-xs text-stone-500 sm:table-cell">{plan.stripePriceId}</Td>
                  <Td className="text-right">{canManage && <ArchivePlanButton planId={plan.id} name={plan.name} archived={plan.archived} />}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
