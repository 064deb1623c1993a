import { eq } from "drizzle-orm";
import { Check, Minus } from "lucide-react";
import { getDb } from "@/db/client";
import { dojos, type Plan } from "@/db/schema";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requireStaffPage } from "@/lib/auth/session";
import { getBilling } from "@/lib/account-plans/billing-account";
import { FEATURE_LABELS, PLAN_CURRENCY, PLAN_FEATURES, PLAN_NAMES, PLAN_PRICES, PLANS, type Feature } from "@/lib/account-plans/features";
import { platformInvoices, type PlatformInvoice } from "@/lib/account-plans/history";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/cn";
import { seatUsage } from "@/lib/staff/seats";
import { BillingHistory } from "./billing-history";
import { PlanSummary } from "./plan-summary";

export const metadata = { title: "Account · Settings" };

const number = new Intl.NumberFormat("en-US");

async function invoicesOrNull(dojoId: string): Promise<PlatformInvoice[] | null> {
  try {
    return await platformInvoices(await getDb(), dojoId);
  } catch (error) {
    console.error("Could not list the platform invoices", error);
    return null;
  }
}

export default async function AccountSettingsPage() {
  const { dojo } = await requireStaffPage("settings.account");
  const db = await getDb();
  const [seats, billing, [stored], invoices] = await Promise.all([
    seatUsage(db, dojo.id),
    getBilling(db, dojo.id),
    db.select({ plan: dojos.plan }).from(dojos).where(eq(dojos.id, dojo.id)),
    invoicesOrNull(dojo.id),
  ]);
  const rows: { label: string; value: (plan: Plan) => React.ReactNode }[] = [
    { label: "Monthly", value: (plan) => formatMoney(PLAN_PRICES[plan].month, PLAN_CURRENCY) },
    { label: "Yearly", value: (plan) => formatMoney(PLAN_PRICES[plan].year, PLAN_CURRENCY) },
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

      <PlanSummary plan={dojo.plan} storedPlan={stored.plan} billing={billing} timeZone={dojo.timeZone} />

      <Card>
        <CardHeader
          title="Compare plans"
          description={`Prices in euro, VAT excluded. Staff users: ${seats.active} active${seats.pending ? ` and ${seats.pending} invited` : ""}, of ${seats.limit} included.`}
        />
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">What each plan includes and costs; your plan is highlighted</caption>
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

      <BillingHistory invoices={invoices} timeZone={dojo.timeZone} />
    </div>
  );
}
