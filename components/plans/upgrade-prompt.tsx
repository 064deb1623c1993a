import Link from "next/link";
import { Lock } from "lucide-react";
import type { ReactNode } from "react";
import type { Plan } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { FEATURE_LABELS, lowestPlanWith, PLAN_NAMES, type Feature } from "@/lib/account-plans/features";

/**
 * Shown instead of a feature the dojo's plan does not include. The server refuses the
 * feature's actions anyway (lib/action.ts); this only explains and leads to the upgrade.
 */
export function UpgradePrompt({ feature, plan, icon, children }: { feature: Feature; plan: Plan; icon?: ReactNode; children?: ReactNode }) {
  const needed = lowestPlanWith(feature);
  return (
    <Card data-testid="upgrade-prompt">
      <CardBody className="flex flex-col items-start gap-4 sm:flex-row">
        <span className="rounded-full bg-brand-50 p-3 text-brand-700">{icon ?? <Lock className="size-6" aria-hidden />}</span>
        <div className="space-y-2">
          <h2 className="text-base font-semibold text-stone-900">
            {FEATURE_LABELS[feature]}: part of the {PLAN_NAMES[needed]} plan
          </h2>
          <p className="text-sm text-stone-600">
            Your dojo is on the {PLAN_NAMES[plan]} plan. Upgrade any time: you pay only the price difference for the rest of the current period.
          </p>
          {children}
          <div className="flex flex-wrap gap-2 pt-1">
            <Button asChild size="sm">
              <Link href={`/settings/account/plan?to=${needed}`}>Upgrade to {PLAN_NAMES[needed]}</Link>
            </Button>
            <Button asChild variant="secondary" size="sm">
              <Link href="/settings/account">Compare plans</Link>
            </Button>
          </div>
        </div>
      </CardBody>
    </Card>
  );
}
