import type { Metadata } from "next";
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
import { moneyLocale } from "@/lib/i18n/locales";
import { staffLocale } from "@/lib/i18n/staff-session";
import { staffTranslator } from "@/lib/i18n/staff-messages";
import { cn } from "@/lib/cn";
import { seatUsage } from "@/lib/staff/seats";
import { BillingHistory } from "./billing-history";
import { PlanSummary } from "./plan-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: staffTranslator(await staffLocale(), "staff.settings.account")("metaTitle") };
}

// The features a plan may include, in lib's order; their words are the dashboard's (plans.features).
const FEATURES = Object.keys(FEATURE_LABELS) as Feature[];

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
  const locale = await staffLocale();
  const t = staffTranslator(locale, "staff.settings.account");
  const plans = staffTranslator(locale, "staff.settings.plans");
  const number = new Intl.NumberFormat(moneyLocale(locale));
  const shopPath = `/shop/${dojo.slug}`;
  const money = (minor: number) => formatMoney(minor, PLAN_CURRENCY, moneyLocale(locale));
  const rows: { label: string; value: (plan: Plan) => React.ReactNode }[] = [
    { label: plans("interval.month"), value: (plan) => money(PLAN_PRICES[plan].month) },
    { label: plans("interval.year"), value: (plan) => money(PLAN_PRICES[plan].year) },
    ...FEATURES.map((f) => ({
      label: plans(`features.${f}`),
      value: (plan: Plan) =>
        PLAN_FEATURES[plan][f] ? <Check className="mx-auto size-4 text-emerald-600" aria-label={t("included")} /> : <Minus className="mx-auto size-4 text-stone-300" aria-label={t("notIncluded")} />,
    })),
    { label: t("emails"), value: (plan) => (PLAN_FEATURES[plan].monthlyEmailVolume ? number.format(PLAN_FEATURES[plan].monthlyEmailVolume) : "—") },
    { label: t("staffUsers"), value: (plan) => number.format(PLAN_FEATURES[plan].staffUsers) },
  ];

  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title={t("dojo")} />
        <CardBody>
          <dl className="grid grid-cols-1 gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-stone-500">{t("name")}</dt>
              <dd className="mt-0.5 font-medium break-words">{dojo.name}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t("publicAddress")}</dt>
              <dd className="mt-0.5 font-mono">{shopPath}</dd>
            </div>
            <div>
              <dt className="text-stone-500">{t("currency")}</dt>
              <dd className="mt-0.5 font-medium">{dojo.currency}</dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <PlanSummary plan={dojo.plan} storedPlan={stored.plan} billing={billing} timeZone={dojo.timeZone} locale={locale} />

      <Card>
        <CardHeader
          title={t("compare")}
          description={t("compareDescription", { active: seats.active, pending: seats.pending, limit: seats.limit })}
        />
        <div className="relative overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="px-4 py-2 text-left font-medium text-stone-500 sm:px-5">
                  {t("includedColumn")}
                </th>
                {PLANS.map((plan) => (
                  <th key={plan} scope="col" className={cn("px-3 py-2 text-center font-semibold", plan === dojo.plan ? "bg-brand-50 text-brand-700" : "text-stone-700")}>
                    {PLAN_NAMES[plan]}
                    {plan === dojo.plan && <span className="block text-xs font-normal">{t("yourPlan")}</span>}
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

      <BillingHistory invoices={invoices} timeZone={dojo.timeZone} locale={locale} />
    </div>
  );
}
