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
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { hasFeature } from "@/lib/account-plans/features";
import { latestMoneyCheck } from "@/lib/stripe/money-check/check";
import { FailedMails } from "./failed-mails";
import { KpiCard } from "./kpi-card";
import { MoneyCheckAlert } from "./money-check-card";

export const metadata = { title: "Dashboard" };

function owed(kpi: InvoiceKpi, currency: string): string {
  if (kpi.outstanding.length === 0) return `${formatMoney(0, currency)} outstanding`;
  return `${kpi.outstanding.map((o) => formatMoney(o.minor, o.currency)).join(" + ")} outstanding`;
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

  return (
    <>
      <PageHeader
        title={`Welcome, ${user.name.split(" ")[0]}`}
        description={dojo.name}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href="/members/new">
                <UserPlus className="size-4" aria-hidden />
                Add member
              </Link>
            </Button>
            <Button asChild>
              <Link href="/invoices/new">
                <FilePlus2 className="size-4" aria-hidden />
                New invoice
              </Link>
            </Button>
          </>
        }
      />
      <div className="space-y-6">
        {moneyCheck && moneyCheck.differences.length > 0 && <MoneyCheckAlert check={moneyCheck} seesSettings={can(user.role, "settings.payments")} timeZone={dojo.timeZone} />}
        <section aria-label="Key figures" className={`grid grid-cols-1 gap-3 sm:grid-cols-2 ${seesLedger ? "xl:grid-cols-4" : "xl:grid-cols-3"}`}>
          <KpiCard label="Active members" value={kpis.activeMembers} href="/members" />
          <KpiCard label="Open invoices" value={kpis.open.count} detail={owed(kpis.open, dojo.currency)} href="/invoices?status=open" />
          <KpiCard label="Overdue invoices" value={kpis.overdue.count} detail={owed(kpis.overdue, dojo.currency)} href="/invoices?status=overdue" tone={kpis.overdue.count > 0 ? "alert" : "neutral"} />
          {kpis.revenueThisMonthMinor !== null && (
            <KpiCard label="Revenue this month" value={formatMoney(kpis.revenueThisMonthMinor, dojo.currency)} href="/ledger?period=this-month&kind=revenue" tone="good" />
          )}
        </section>

        <FailedMails mails={undelivered} timeZone={dojo.timeZone} />

        <Card>
          <CardHeader
            title="Most overdue invoices"
            actions={
              kpis.overdue.count > overdue.length ? (
                <Link href="/invoices?status=overdue" className="text-sm font-medium text-brand-700 hover:underline">
                  All {kpis.overdue.count} overdue
                </Link>
              ) : undefined
            }
          />
          {overdue.length === 0 ? (
            <EmptyState title="Nothing overdue" description="Every open invoice is still within its due date." />
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
                        {inv.number ?? "Invoice"} · due {formatDate(inv.dueDate)}
                      </span>
                    </span>
                    <span className="shrink-0 text-right">
                      <span className="block font-medium text-stone-900 tabular-nums">{formatMoney(inv.outstandingMinor, inv.currency)}</span>
                      <span className="block text-sm font-medium text-red-700">
                        {inv.daysOverdue} {inv.daysOverdue === 1 ? "day" : "days"} late
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
