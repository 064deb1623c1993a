import { CreditCard } from "lucide-react";
import type { Plan } from "@/db/schema";
import { UpgradePrompt as PlanUpgradePrompt } from "@/components/plans/upgrade-prompt";
import { PLAN_NAMES, lowestPlanWith } from "@/lib/account-plans/features";
import type { StaffLocale } from "@/lib/i18n/staff-locales";
import { staffTranslator } from "@/lib/i18n/staff-messages";

export function UpgradePrompt({ plan, locale }: { plan: Plan; locale: StaffLocale }) {
  const t = staffTranslator(locale, "staff.settings.stripe.upgrade");
  return (
    <PlanUpgradePrompt feature="stripePayments" plan={plan} icon={<CreditCard className="size-6" aria-hidden />}>
      <p className="text-sm text-stone-600">{t("intro", { plan: PLAN_NAMES[lowestPlanWith("stripePayments")] })}</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-stone-600">
        <li>{t("desk")}</li>
        <li>{t("savedCards")}</li>
        <li>{t("ledger")}</li>
      </ul>
    </PlanUpgradePrompt>
  );
}
