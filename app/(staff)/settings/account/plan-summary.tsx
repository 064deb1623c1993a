import Link from "next/link";
import type { DojoBilling, Plan } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { trialState } from "@/lib/account-plans/effective-plan";
import { INTERVAL_LABELS, PLAN_CURRENCY, PLAN_NAMES, PLAN_PRICES } from "@/lib/account-plans/features";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { isLiveSubscription } from "@/lib/stripe/subscription-status";
import { CancelChangeButton } from "./cancel-change-button";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  active: { label: "Paid", tone: "green" },
  trialing: { label: "Free trial", tone: "blue" },
  past_due: { label: "Payment overdue", tone: "red" },
  canceled: { label: "Ended", tone: "neutral" },
  incomplete: { label: "Payment pending", tone: "amber" },
  incomplete_expired: { label: "Ended", tone: "neutral" },
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-stone-500">{label}</dt>
      <dd className="mt-0.5 font-medium text-stone-900">{children}</dd>
    </div>
  );
}

/** Settings → Account: the plan in force, how it is billed and what happens next. */
export function PlanSummary({ plan, storedPlan, billing, timeZone }: { plan: Plan; storedPlan: Plan; billing: DojoBilling | null; timeZone: string }) {
  const trial = trialState(billing);
  const subscribed = !!billing?.stripeSubscriptionId && isLiveSubscription(billing.subscriptionStatus);
  const status = billing?.subscriptionStatus ? STATUS[billing.subscriptionStatus] : undefined;
  // Chosen during the trial: the plan billed from the trial's end, which may differ from the one in force.
  const billedPlan = trial.kind === "scheduled" ? trial.plan : storedPlan;
  const action = subscribed ? (
    <>
      {plan !== "ultimate" && (
        <Button asChild size="sm">
          <Link href={plan === "pro" ? "/settings/account/plan?to=ultimate" : "/settings/account/plan"}>Upgrade</Link>
        </Button>
      )}
      {plan !== "basic" && (
        <Button asChild size="sm" variant="secondary">
          <Link href="/settings/account/plan">Change plan</Link>
        </Button>
      )}
    </>
  ) : billing ? (
    <Button asChild size="sm">
      <Link href="/settings/account/plan">Choose a plan</Link>
    </Button>
  ) : null;

  return (
    <Card data-testid="plan-summary">
      <CardHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            {PLAN_NAMES[plan]} plan
            {subscribed && status && <Badge tone={status.tone}>{status.label}</Badge>}
            {trial.kind === "trial" && <Badge tone="blue">Free trial</Badge>}
            {trial.kind === "expired" && <Badge tone="amber">Trial ended</Badge>}
          </span>
        }
        description={
          trial.kind === "trial"
            ? `All Ultimate features free until ${formatDate(trial.endsAt, timeZone)}. Choose a plan before then: it starts when the trial ends, and nothing is charged before.`
            : trial.kind === "scheduled"
              ? `All Ultimate features free until ${formatDate(trial.endsAt, timeZone)}. ${PLAN_NAMES[trial.plan]} starts then, and your saved card is first charged then.`
              : trial.kind === "expired"
                ? `The free trial ended on ${formatDate(trial.endedAt, timeZone)}. Your dojo has the Basic features until you choose a plan; nothing was deleted.`
                : !billing
                  ? "Your plan is set up by Tatami; there is nothing to pay here."
                  : undefined
        }
        actions={action}
      />
      {subscribed && billing && (
        <CardBody className="space-y-4">
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
            <Fact label="Billing">
              {billing.interval
                ? `${trial.kind === "scheduled" ? `${PLAN_NAMES[billedPlan]}, ` : ""}${INTERVAL_LABELS[billing.interval]} · ${formatMoney(PLAN_PRICES[billedPlan][billing.interval], PLAN_CURRENCY)} per ${billing.interval}`
                : "—"}
            </Fact>
            <Fact label={trial.kind === "scheduled" ? "Free trial" : "Current period"}>
              {billing.currentPeriodStart && billing.currentPeriodEnd ? `${formatDate(billing.currentPeriodStart, timeZone)} – ${formatDate(billing.currentPeriodEnd, timeZone)}` : "—"}
            </Fact>
            <Fact label={trial.kind === "scheduled" ? "First charge on" : billing.pendingPlan ? "Changes on" : "Renews on"}>{billing.currentPeriodEnd ? formatDate(billing.pendingPlanAt ?? billing.currentPeriodEnd, timeZone) : "—"}</Fact>
          </dl>
          {billing.pendingPlan && billing.pendingPlanAt && billing.pendingPlan !== storedPlan && (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <span>
                Your dojo moves to {PLAN_NAMES[billing.pendingPlan]} on {formatDate(billing.pendingPlanAt, timeZone)}. Until then you keep {PLAN_NAMES[storedPlan]}; features above{" "}
                {PLAN_NAMES[billing.pendingPlan]} lock then, and no data is deleted.
              </span>
              <CancelChangeButton planName={PLAN_NAMES[storedPlan]} />
            </div>
          )}
        </CardBody>
      )}
    </Card>
  );
}
