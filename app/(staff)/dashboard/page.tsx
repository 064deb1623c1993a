import Link from "next/link";
import { FilePlus2, UserPlus } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { dashboardKpis, type InvoiceKpi } from "@/lib/dashboard/kpis";
import { mostOverdueInvoices } from "@/lib/dashboard/overdue-invoices";
import { failedMails } from "@/lib/mail/failed-mails";
import { formatIn, type Formats } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { hasFeature } from "@/lib/account-plans/features";
import { latestMoneyCheck } from "@/lib/stripe/money-check/check";
import { FailedMails } from "./failed-mails";
import { KpiCard } from "./kpi-card";
import { MoneyCheckAlert } from "./money-check-card";

export async function generateMetadata() {
  return { title: (await staffT("staff.dashboard"))("title") };
}

function owed(kpi: InvoiceKpi, currency: string, t: Translate, f: Formats): string {
  const amounts = kpi.outstanding.length === 0 ? [f.money(0, currency)] : kpi.outstanding.map((o) => f.money(o.minor, o.currency));
  return t("outstanding", { amount: amounts.join(" + ") });
}

export default async function DashboardPage() {
  const { dojo, user } = await requireStaffPage();
  const seesLedger = can(user.role, "ledger");
  const db = await getDb();
  // Those who may refund see money differences and settle them here.
  const seesMoney = can(user.role, "refunds") && hasFeature(dojo.plan, "stripePayments");
  const [kpis, overdue, undelivered, moneyCheck] = await Promise.all([
    dashboardKpis(db, dojo.id, { withRevenue: seesLedger }),
    mostOverdueInvoices(db, dojo.id),
    failedMails(db, dojo.id),
    seesMoney ? latestMoneyCheck(db, dojo.id) : null,
  ]);
  const t = await staffT("staff.dashboard");
  const f = formatIn(await staffLocale());

  return (
    <>
      <PageHeader
        title={t("welcome", { name: user.name.split(" ")[0] })}
        description={dojo.name}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href="/members/new">
                <UserPlus className="size-4" aria-hidden />
                {t("addMember")}
              </Link>
            </Button>
            <Button asChild>
              <Link href="/invoices/new">
                <FilePlus2 className="size-4" aria-hidden />
                {t("newInvoice")}
              </Link>
            </Button>
          </>
        }
      />
      <div className="space-y-6">
        {moneyCheck && moneyCheck.differences.length > 0 && <MoneyCheckAlert check={moneyCheck} seesSettings={can(user.role, "settings.payments")} timeZone={dojo.timeZone} />}
        <section aria-label={t("keyFigures")} className={`grid grid-cols-1 gap-3 sm:grid-cols-2 ${seesLedger ? "xl:grid-cols-4" : "xl:grid-cols-3"}`}>
          <KpiCard label={t("activeMembers")} value={kpis.activeMembers} detail={t("paused", { count: kpis.pausedMembers })} href="/members" />
          <KpiCard label={t("openInvoices")} value={kpis.open.count} detail={owed(kpis.open, dojo.currency, t, f)} href="/invoices?status=open" />
          <KpiCard label={t("overdueInvoices")} value={kpis.overdue.count} detail={owed(kpis.overdue, dojo.currency, t, f)} href="/invoices?status=overdue" tone={kpis.overdue.count > 0 ? "alert" : "neutral"} />
          {kpis.revenueThisMonthMinor !== null && (
            <KpiCard label={t("revenueThisMonth")} value={f.money(kpis.revenueThisMonthMinor, dojo.currency)} href="/ledger?period=this-month&kind=revenue" tone="good" />
          )}
        </section>

        <FailedMails mails={undelivered} timeZone={dojo.timeZone} />

        <Card>
          <CardHeader
            title={t("mostOverdue")}
            actions={
              kpis.overdue.count > overdue.length ? (
                <Link href="/invoices?status=overdue" className="text-sm font-medium text-brand-700 hover:underline">
                  {t("allOverdue", { count: kpis.overdue.count })}
                </Link>
              ) : undefined
            }
          />
          {overdue.length === 0 ? (
            <EmptyState title={t("nothingOverdue")} description={t("nothingOverdueDescription")} />
          ) : (
            <ul className="divide-y divide-stone-100">
              {overdue.map((inv) => (
                <li key={inv.id}>
                  <Link href={`/invoices/${inv.id}`} className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-stone-50 sm:px-5">
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-stone-900">
                        {inv.firstName} {inv.lastName}
                      </span>
                      <span className="block text-sm text-stone-500">
                        {inv.number ?? t("invoice")} · {t("dueOn", { date: f.date(inv.dueDate) })}
                      </span>
                    </span>
                    <span className="shrink-0 text-right">
                      <span className="block font-medium text-stone-900 tabular-nums">{f.money(inv.outstandingMinor, inv.currency)}</span>
                      <span className="block text-sm font-medium text-red-700">
                        {t("daysLate", { days: inv.daysOverdue })}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
