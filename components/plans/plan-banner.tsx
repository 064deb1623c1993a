import Link from "next/link";
import type { DojoBilling } from "@/db/schema";
import { trialState } from "@/lib/account-plans/effective-plan";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { moneyLocale } from "@/lib/i18n/locales";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { PLAN_CURRENCY, PLAN_NAMES, PLAN_PRICES } from "@/lib/account-plans/features";

interface PlanBannerProps {
  billing: DojoBilling | null;
  canChoose: boolean;
  timeZone: string;
  locale: StaffLocale;
}

/** The trial's countdown (and the plan chosen for its end), or after it the prompt to choose a plan; nothing for a paying dojo. */
export function PlanBanner({ billing, canChoose, timeZone, locale }: PlanBannerProps) {
  const trial = trialState(billing);
  if (trial.kind === "none") return null;
  const t = staffTranslator(locale, "staff.settings.plans.banner");
  const choose = canChoose ? (
    <Link href="/settings/account/plan" className="font-semibold whitespace-nowrap underline underline-offset-2">
      {t("choose")}
    </Link>
  ) : (
    <span>{t("ownerChooses")}</span>
  );
  if (trial.kind === "scheduled") {
    const values = { days: trial.daysLeft, plan: PLAN_NAMES[trial.plan], date: formatDate(trial.endsAt, timeZone, locale) };
    return (
      <div role="status" className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-sky-200 bg-sky-50 px-4 py-2.5 text-sm text-sky-900" data-testid="plan-banner">
        <span>
          {billing?.interval
            ? t("scheduledPrice", { ...values, amount: formatMoney(PLAN_PRICES[trial.plan][billing.interval], PLAN_CURRENCY, moneyLocale(locale)), unit: billing.interval })
            : t("scheduled", values)}
        </span>
        {canChoose && (
          <Link href="/settings/account" className="font-semibold whitespace-nowrap underline underline-offset-2">
            {t("yourPlan")}
          </Link>
        )}
      </div>
    );
  }
  if (trial.kind === "trial") {
    return (
      <div role="status" className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-sky-200 bg-sky-50 px-4 py-2.5 text-sm text-sky-900" data-testid="plan-banner">
        <span>{t("trial", { days: trial.daysLeft, date: formatDate(trial.endsAt, timeZone, locale) })}</span>
        {choose}
      </div>
    );
  }
  return (
    <div role="alert" className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
      <span>{t("expired", { date: formatDate(trial.endedAt, timeZone, locale) })}</span>
      {choose}
    </div>
  );
}
