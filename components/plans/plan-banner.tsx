import Link from "next/link";
import type { DojoBilling } from "@/db/schema";
import { trialState } from "@/lib/account-plans/effective-plan";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { PLAN_CURRENCY, PLAN_NAMES, PLAN_PRICES } from "@/lib/account-plans/features";

/** The trial's countdown (and the plan chosen for its end), or after it the prompt to choose a plan; nothing for a paying dojo. */
export function PlanBanner({ billing, canChoose, timeZone }: { billing: DojoBilling | null; canChoose: boolean; timeZone: string }) {
  const trial = trialState(billing);
  if (trial.kind === "none") return null;
  const choose = canChoose ? (
    <Link href="/settings/account/plan" className="font-semibold whitespace-nowrap underline underline-offset-2">
      Choose a plan
    </Link>
  ) : (
    <span>The dojo&apos;s owner can choose a plan in Settings → Account.</span>
  );
  if (trial.kind === "scheduled") {
    const price = billing?.interval ? ` at ${formatMoney(PLAN_PRICES[trial.plan][billing.interval], PLAN_CURRENCY)} a ${billing.interval}` : "";
    return (
      <div role="status" className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-sky-200 bg-sky-50 px-4 py-2.5 text-sm text-sky-900" data-testid="plan-banner">
        <span>
          Free Ultimate trial: {trial.daysLeft} {trial.daysLeft === 1 ? "day" : "days"} left. {PLAN_NAMES[trial.plan]} starts on {formatDate(trial.endsAt, timeZone)}; your card is charged then{price}.
        </span>
        {canChoose && (
          <Link href="/settings/account" className="font-semibold whitespace-nowrap underline underline-offset-2">
            Your plan
          </Link>
        )}
      </div>
    );
  }
  if (trial.kind === "trial") {
    return (
      <div role="status" className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-sky-200 bg-sky-50 px-4 py-2.5 text-sm text-sky-900" data-testid="plan-banner">
        <span>
          Free Ultimate trial: {trial.daysLeft} {trial.daysLeft === 1 ? "day" : "days"} left (until {formatDate(trial.endsAt, timeZone)}).
        </span>
        {choose}
      </div>
    );
  }
  return (
    <div role="alert" className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
      <span>
        Your free trial ended on {formatDate(trial.endedAt, timeZone)}. Your dojo now has the Basic features; all your data is kept. Choose a plan to unlock the rest again.
      </span>
      {choose}
    </div>
  );
}
