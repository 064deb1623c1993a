import Link from "next/link";
import { Mail } from "lucide-react";
import type { Plan } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { FEATURE_LABELS, lowestPlanWith, PLAN_NAMES } from "@/lib/plans/features";

export function CampaignsUpgradeCard({ plan }: { plan: Plan }) {
  const needed = PLAN_NAMES[lowestPlanWith("emailCampaigns")];
  return (
    <Card>
      <CardBody className="flex flex-col items-start gap-4 sm:flex-row">
        <span className="rounded-full bg-brand-50 p-3 text-brand-700">
          <Mail className="size-6" aria-hidden />
        </span>
        <div className="space-y-2">
          <h2 className="text-base font-semibold text-stone-900">
            {FEATURE_LABELS.emailCampaigns} are part of the {needed} plan
          </h2>
          <p className="text-sm text-stone-600">
            Your dojo is on the {PLAN_NAMES[plan]} plan. With {needed} you e-mail all your members at once, each mail with their own name and their own link to add a card.
          </p>
          <Button asChild variant="secondary" size="sm">
            <Link href="/settings/account">Compare plans</Link>
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
