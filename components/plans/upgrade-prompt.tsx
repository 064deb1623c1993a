"use client";
import Link from "next/link";
import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Plan } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { lowestPlanWith, PLAN_NAMES, type Feature } from "@/lib/account-plans/features";

/**
 * Shown instead of a feature the dojo's plan does not include. The server refuses the
 * feature's actions anyway (lib/action.ts); this only explains and leads to the upgrade.
 * A client component so any staff page shows it in the dashboard's language without passing it.
 */
export function UpgradePrompt({ feature, plan, icon, children }: { feature: Feature; plan: Plan; icon?: ReactNode; children?: ReactNode }) {
  const t = useTranslations("staff.settings.plans");
  const needed = lowestPlanWith(feature);
  return (
    <Card data-testid="upgrade-prompt">
      <CardBody className="flex flex-col items-start gap-4 sm:flex-row">
        <span className="rounded-full bg-brand-50 p-3 text-brand-700">{icon ?? <Lock className="size-6" aria-hidden />}</span>
        <div className="space-y-2">
          <h2 className="text-base font-semibold text-stone-900">{t("upgrade.title", { feature: t(`features.${feature}`), plan: PLAN_NAMES[needed] })}</h2>
          <p className="text-sm text-stone-600">{t("upgrade.body", { plan: PLAN_NAMES[plan] })}</p>
          {children}
          <div className="flex flex-wrap gap-2 pt-1">
            <Button asChild size="sm">
              <Link href={`/settings/account/plan?to=${needed}`}>{t("upgrade.upgradeTo", { plan: PLAN_NAMES[needed] })}</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/settings/account">{t("upgrade.compare")}</Link>
            </Button>
          </div>
        </div>
      </CardBody>
    </Card>
  );
}
