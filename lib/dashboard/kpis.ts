import { and, countDistinct, count, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, memberSubscriptions } from "@/db/schema";
import { LIVE_SUBSCRIPTION_STATUSES } from "@/lib/stripe/subscription-status";
import { listInvoices, type InvoiceListTotals } from "@/lib/invoices/list-invoices";
import { today } from "@/lib/dates";
import { periodRange } from "@/lib/ledger/period";
import { ledgerTotals } from "@/lib/ledger/totals";

export interface InvoiceKpi {
  count: number;
  /** Still owed, per currency (a dojo normally has one). */
  outstanding: { currency: string; minor: number }[];
}

export interface DashboardKpis {
  activeMembers: number;
  /** Members with a running subscription whose collection is paused. */
  pausedMembers: number;
  open: InvoiceKpi;
  overdue: InvoiceKpi;
  /** Null when the viewer's role may not see the ledger. */
  revenueThisMonthMinor: number | null;
}

const outstandingOf = (totals: InvoiceListTotals[]) => totals.map((t) => ({ currency: t.currency, minor: t.openMinor }));

/** The dashboard's headline figures; open and overdue mean what the invoice list means by them. */
export async function dashboardKpis(db: DbOrTx, dojoId: string, opts: { withRevenue: boolean }): Promise<DashboardKpis> {
  const [[active], [paused], open, overdue, revenue] = await Promise.all([
    db.select({ n: count() }).from(members).where(and(eq(members.dojoId, dojoId), eq(members.status, "active"))),
    db
      .select({ n: countDistinct(memberSubscriptions.memberId) })
      .from(memberSubscriptions)
      .where(and(eq(memberSubscriptions.dojoId, dojoId), inArray(memberSubscriptions.status, LIVE_SUBSCRIPTION_STATUSES), isNotNull(memberSubscriptions.pauseBehavior))),
    listInvoices(db, dojoId, { status: "open", pageSize: 1 }),
    listInvoices(db, dojoId, { status: "overdue", pageSize: 1 }),
    opts.withRevenue ? ledgerTotals(db, dojoId, { kind: "revenue", range: periodRange("this-month", today()) }) : null,
  ]);
  return {
    activeMembers: active.n,
    pausedMembers: paused.n,
    open: { count: open.total, outstanding: outstandingOf(open.totals) },
    overdue: { count: overdue.total, outstanding: outstandingOf(overdue.totals) },
    revenueThisMonthMinor: revenue ? revenue.revenueMinor : null,
  };
}
