import Link from "next/link";
import { CreditCard } from "lucide-react";
import type { Plan } from "@/db/schema";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { FEATURE_LABELS, lowestPlanWith, PLAN_NAMES } from "@/lib/plans/features";

export function UpgradePrompt({ plan }: { plan: Plan }) {
  const needed = PLAN_NAMES[lowestPlanWith("stripePayments")];
  return (
    <Card>
      <CardBody className="flex flex-col items-start gap-4 sm:flex-row">
        <span className="rounded-full bg-brand-50 p-3 text-brand-700">
          <CreditCard className="size-6" aria-hidden />
        </span>
        <div className="space-y-2">
          <h2 className="text-base font-semibold text-stone-900">
            {FEATURE_LABELS.stripePayments} is part of the {needed} plan
          </h2>
          <p className="text-sm text-stone-600">Your dojo is on the {PLAN_NAMES[plan]} plan. With {needed} you connect your own Stripe account and:</p>
          <ul className="list-disc space-y-1 pl-5 text-sm text-stone-600">
            <li>take card payments for invoices at the desk and in the members area, with 3-D Secure;</li>
            <li>charge members&apos; saved cards and refund card payments;</li>
            <li>get payments and refunds booked in Costs &amp; revenues automatically.</li>
          </ul>
          <Button asChild variant="secondary" size="sm">
            <Link href="/settings/account">Compare plans</Link>
          </Button>
        </div>
      </CardBody>
    </Card>
  );
}
