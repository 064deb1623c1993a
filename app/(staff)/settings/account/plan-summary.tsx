import Link from "next/link";
import type { DojoBilling, Plan } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { trialState } from "@/lib/account-plans/effective-plan";
import { PLAN_CURRENCY, PLAN_NAMES, PLAN_PRICES } from "@/lib/account-plans/features";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { moneyLocale } from "@/lib/i18n/locales";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { CancelChangeButton } from "./cancel-change-button";

// The subscription statuses shown as a badge (words: account.summary.statuses).
const STATUS_TONES = {
  active: "green",
  trialing: "blue",
  past_due: "red",
  canceled: "neutral",
  incomplete: "amber",
  incomplete_expired: "neutral",
} as const satisfies Record<string, BadgeTone>;
const hasBadge = (status: string | null | undefined): status is keyof typeof STATUS_TONES => !!status && status in STATUS_TONES;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium text-stone-900">{children}</dd>
    </div>
  );
}

/** Settings → Account: the plan in force, how it is billed and what happens next. */
export function PlanSummary({ plan, storedPlan, billing, timeZone, locale }: { plan: Plan; storedPlan: Plan; billing: DojoBilling | null; timeZone: string; locale: StaffLocale }) {
  const t = staffTranslator(locale, "staff.settings.account.summary");
  const intervals = staffTranslator(locale, "staff.settings.plans.interval");
  const date = (value: Date) => formatDate(value, timeZone, locale);
  const trial = trialState(billing);
  const subscribed = !!billing?.stripeSubscriptionId && isLiveSubscription(billing.subscriptionStatus);
  const status = billing?.subscriptionStatus;
  // Chosen during the trial: the plan billed from the trial's end, which may differ from the one in force.
  const billedPlan = trial.kind === "scheduled" ? trial.plan : storedPlan;
  const action = subscribed ? (
    <>
      {plan !== "ultimate" && (
        <Button asChild size="sm">
          <Link href={plan === "pro" ? "/settings/account/plan?to=ultimate" : "/settings/account/plan"}>{t("upgrade")}</Link>
        </Button>
      )}
      {plan !== "basic" && (
        <Button asChild size="sm" variant="secondary">
          <Link href="/settings/account/plan">{t("change")}</Link>
        </Button>
      )}
    </>
  ) : billing ? (
    <Button asChild size="sm">
      <Link href="/settings/account/plan">{t("choose")}</Link>
    </Button>
  ) : null;

  const billingValue = (interval: NonNullable<DojoBilling["interval"]>) => {
    const value = t("billingValue", { interval: intervals(interval), amount: formatMoney(PLAN_PRICES[billedPlan][interval], PLAN_CURRENCY, moneyLocale(locale)), unit: interval });
    return trial.kind === "scheduled" ? `${PLAN_NAMES[billedPlan]}, ${value}` : value;
  };

  return (
    <Card data-testid="plan-summary">
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {t("title", { plan: PLAN_NAMES[plan] })}
            {subscribed && hasBadge(status) && <Badge tone={STATUS_TONES[status]}>{t(`statuses.${status}`)}</Badge>}
            {trial.kind === "trial" && <Badge tone="blue">{t("trialBadge")}</Badge>}
            {trial.kind === "expired" && <Badge tone="amber">{t("trialEnded")}</Badge>}
          </span>
        }
        description={
          trial.kind === "trial"
            ? t("trial", { date: date(trial.endsAt) })
            : trial.kind === "scheduled"
              ? t("scheduled", { date: date(trial.endsAt), plan: PLAN_NAMES[trial.plan] })
              : trial.kind === "expired"
                ? t("expired", { date: date(trial.endedAt) })
                : !billing
                  ? t("noBilling")
                  : undefined
        }
        actions={action}
      />
      {subscribed && billing && (
        <CardBody className="space-y-4">
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
            <Fact label={t("billing")}>{billing.interval ? billingValue(billing.interval) : "—"}</Fact>
            <Fact label={trial.kind === "scheduled" ? t("freeTrial") : t("currentPeriod")}>
              {billing.currentPeriodStart && billing.currentPeriodEnd ? `${date(billing.currentPeriodStart)} – ${date(billing.currentPeriodEnd)}` : "—"}
            </Fact>
            <Fact label={trial.kind === "scheduled" ? t("firstCharge") : billing.pendingPlan ? t("changesOn") : t("renewsOn")}>{billing.currentPeriodEnd ? date(billing.pendingPlanAt ?? billing.currentPeriodEnd) : "—"}</Fact>
          </dl>
          {billing.pendingPlan && billing.pendingPlanAt && billing.pendingPlan !== storedPlan && (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <span>{t("pendingChange", { plan: PLAN_NAMES[billing.pendingPlan], date: date(billing.pendingPlanAt), current: PLAN_NAMES[storedPlan] })}</span>
              <CancelChangeButton planName={PLAN_NAMES[storedPlan]} />
            </div>
          )}
        </CardBody>
      )}
    </Card>
  );
}
