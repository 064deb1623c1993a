import { Check, Minus } from "lucide-react";
import { getDb } from "@/db/client";
import type { Plan } from "@/db/schema";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { FEATURE_LABELS, PLAN_FEATURES, PLAN_NAMES, type Feature } from "@/lib/plans/features";
import { cn } from "@/lib/cn";
import { seatUsage } from "@/lib/staff/seats";

export const metadata = { title: "Account · Settings" };

const PLANS = Object.keys(PLAN_FEATURES) as Plan[];
const number = new Intl.NumberFormat("en-US");

export default async function AccountSettingsPage() {
  const { dojo } = await requireStaffPage("settings.account");
  const seats = await seatUsage(await getDb(), dojo.id);
  const rows: { label: string; value: (plan: Plan) => React.ReactNode }[] = [
    ...(Object.keys(FEATURE_LABELS) as Feature[]).map((f) => ({
      label: FEATURE_LABELS[f],
      value: (plan: Plan) =>
        PLAN_FEATURES[plan][f] ? <Check className="mx-auto size-4 text-emerald-600" aria-label="Included" /> : <Minus className="mx-auto size-4 text-stone-300" aria-label="Not included" />,
    })),
    { label: "E-mails per month", value: (plan) => (PLAN_FEATURES[plan].monthlyEmailVolume ? number.format(PLAN_FEATURES[plan].monthlyEmailVolume) : "—") },
    { label: "Staff users", value: (plan) => number.format(PLAN_FEATURES[plan].staffUsers) },
  ];

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Dojo" />
        <CardBody>
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-stone-500">Name</dt>
              <dd className="mt-0.5 font-medium break-words">{dojo.name}</dd>
            </div>
            <div>
              <dt className="text-stone-500">Public address</dt>
              <dd className="mt-0.5 font-mono">/shop/{dojo.slug}</dd>
            </div>
            <div>
              <dt className="text-stone-500">Currency</dt>
              <dd className="mt-0.5 font-medium">{dojo.currency}</dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title={
            <span className="flex items-center gap-2">
              Plan <Badge tone="green">{PLAN_NAMES[dojo.plan]}</Badge>
            </span>
          }
          description={`Staff users: ${seats.active} active${seats.pending ? ` and ${seats.pending} invited` : ""}, of ${seats.limit} included.`}
        />
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">What each plan includes; your plan is highlighted</caption>
            <thead>
              <tr>
                <th scope="col" className="px-4 py-2 text-left font-medium text-stone-500 sm:px-5">
                  Included
                </th>
                {PLANS.map((plan) => (
                  <th key={plan} scope="col" className={cn("px-3 py-2 text-center font-semibold", plan === dojo.plan ? "bg-brand-50 text-brand-700" : "text-stone-700")}>
                    {PLAN_NAMES[plan]}
                    {plan === dojo.plan && <span className="block text-xs font-normal">Your plan</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label} className="border-t border-stone-100">
                  <th scope="row" className="px-4 py-2.5 text-left font-normal text-stone-700 sm:px-5">
                    {row.label}
                  </th>
                  {PLANS.map((plan) => (
                    <td key={plan} className={cn("px-3 py-2.5 text-center tabular-nums", plan === dojo.plan && "bg-brand-50 font-medium")}>
                      {row.value(plan)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
