import { CreditCard } from "lucide-react";
import type { Plan } from "@/db/schema";
import { UpgradePrompt as PlanUpgradePrompt } from "@/components/plans/upgrade-prompt";
import { PLAN_NAMES, lowestPlanWith } from "@/lib/account-plans/features";

export function UpgradePrompt({ plan }: { plan: Plan }) {
  return (
    <PlanUpgradePrompt feature="stripePayments" plan={plan} icon={<CreditCard className="size-6" aria-hidden />}>
      <p className="text-sm text-stone-600">With {PLAN_NAMES[lowestPlanWith("stripePayments")]} you connect your own Stripe account and:</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-stone-600">
        <li>take card payments for invoices at the desk and in the members area, with 3-D Secure;</li>
        <li>charge members&apos; saved cards and refund card payments;</li>
        <li>get payments and refunds booked in Costs &amp; revenues automatically.</li>
      </ul>
    </PlanUpgradePrompt>
  );
}
