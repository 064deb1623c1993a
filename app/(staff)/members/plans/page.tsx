import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { UpgradePrompt } from "@/components/plans/upgrade-prompt";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { moneyLocale } from "@/lib/i18n/locales";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { formatMoney } from "@/lib/money";
import { hasFeature } from "@/lib/account-plans/features";
import { getStripeConnection } from "@/lib/stripe/connection";
import { listPlans } from "@/lib/subscriptions/plans";
import { BackLink } from "../back-link";
import { intervalKey } from "../interval";
import { ImportPlansDialog } from "./import-plans-dialog";
import { ArchivePlanButton, CreatePlanDialog } from "./plan-buttons";
import { MembersMayPauseToggle } from "./members-may-pause-toggle";
import { CardBody } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await staffT("staff.members.plans"))("title") };
}

export default async function PlansPage() {
  const { dojo, user } = await requireStaffPage("members");
  const canManage = can(user.role, "settings");
  const db = await getDb();
  const members = await staffT("staff.members");
  const t = await staffT("staff.members.plans");
  const locale = moneyLocale(await staffLocale());
  const header = (actions?: React.ReactNode) => (
    <>
      <BackLink />
      <PageHeader title={t("title")} description={t("description")} actions={actions} />
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
          <EmptyState title={t("notConnected.title")} description={t("notConnected.description")} />
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
          <EmptyState title={t("empty.title")} description={canManage ? t("empty.manage") : t("empty.view")} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("columns.plan")}</Th>
                <Th className="text-right">{t("columns.price")}</Th>
                <Th className="hidden sm:table-cell">{t("columns.stripePrice")}</Th>
                <Th className="text-right">
                  <span className="sr-only">{t("columns.actions")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <tr key={plan.id} data-testid="plan-row">
                  <Td className="font-medium text-stone-900">
                    {plan.name} {plan.trialDays && <Badge tone="blue">{t("trial", { days: plan.trialDays })}</Badge>} {plan.archived && <Badge>{t("archived")}</Badge>}
                  </Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">
                    {t("price", { amount: formatMoney(plan.amountMinor, plan.currency, locale), interval: members(intervalKey(plan.interval), { count: plan.intervalCount }) })}
                    {plan.signupFeeMinor ? (
                      <span className="block text-xs text-stone-500" data-testid="plan-signup-fee">
                        {t("signupFee", { amount: formatMoney(plan.signupFeeMinor, plan.currency, locale) })}
                      </span>
                    ) : null}
                  </Td>
                  <Td className="hidden font-mono text-xs text-stone-500 sm:table-cell">{plan.stripePriceId}</Td>
                  <Td className="text-right">{canManage && <ArchivePlanButton planId={plan.id} name={plan.name} archived={plan.archived} />}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card className="mt-4">
        <CardBody>
          <MembersMayPauseToggle allowed={dojo.membersMayPause} canManage={canManage} />
        </CardBody>
      </Card>
    </>
  );
}
