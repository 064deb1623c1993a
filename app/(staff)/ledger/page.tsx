import Link from "next/link";
import { Download } from "lucide-react";
import { getDb } from "@/db/client";
import { RevenueCostChart } from "@/components/charts/revenue-cost-chart";
import { BUCKET_NAMES } from "@/lib/ledger/buckets";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { KeysetPagination } from "@/components/ui/pagination";
import { requireStaffPage } from "@/lib/auth/session";
import { formatDate, today } from "@/lib/dates";
import { ledgerCategories } from "@/lib/ledger/categories";
import { ledgerFilterFrom, ledgerFilterParams, type LedgerFilter } from "@/lib/ledger/filters";
import { listLedgerEntries } from "@/lib/ledger/list-entries";
import { ledgerSeries } from "@/lib/ledger/series";
import { PERIOD_LABELS } from "@/lib/ledger/period";
import { ledgerTotals } from "@/lib/ledger/totals";
import { hrefWith, keysetFrom, type Keyset, type SearchParams } from "@/lib/pagination";
import { AddEntryDialog } from "./add-entry-dialog";
import { EntriesTable } from "./entries-table";
import { LedgerFilters } from "./ledger-filters";
import { LedgerTotalsCards } from "./ledger-totals";

export const metadata = { title: "Costs & revenues" };

function describe(filter: LedgerFilter): string {
  const { from, to } = filter.range;
  const span = from && to ? `${formatDate(from)} – ${formatDate(to)}` : from ? `from ${formatDate(from)}` : to ? `until ${formatDate(to)}` : "all dates";
  const kind = filter.kind === "revenue" ? "Revenue" : filter.kind === "cost" ? "Costs" : "Revenue and costs";
  return `${kind}, ${filter.period === "custom" ? span : `${PERIOD_LABELS[filter.period].toLowerCase()} (${span})`}`;
}

export default async function LedgerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("ledger");
  const params = await searchParams;
  const filter = ledgerFilterFrom(params);
  const keyset = keysetFrom(params);
  const db = await getDb();
  const [list, totals, series, categories] = await Promise.all([
    listLedgerEntries(db, dojo.id, filter, keyset),
    ledgerTotals(db, dojo.id, filter),
    ledgerSeries(db, dojo.id, filter),
    ledgerCategories(db, dojo.id),
  ]);
  const current = ledgerFilterParams(filter);
  const pageHref = (k: Keyset | null) => (k ? hrefWith("/ledger", current, k) : null);
  const firstPage = "after" in keyset || "before" in keyset ? hrefWith("/ledger", current, {}) : null;
  const addEntry = <AddEntryDialog currency={dojo.currency} today={today()} categories={categories} />;

  let entries;
  if (list.rows.length > 0) {
    entries = (
      <>
        <EntriesTable entries={list.rows} />
        <KeysetPagination total={list.total} newer={pageHref(list.newer)} older={pageHref(list.older)} first={list.newer ? firstPage : null} />
      </>
    );
  } else if (categories.length === 0) {
    // Every entry has a category, so no categories means no entries at all.
    entries = <EmptyState title="No entries yet" description="Payments recorded on invoices appear here by themselves. Add costs such as rent or equipment, and revenue from outside invoices." action={addEntry} />;
  } else if (list.total > 0) {
    entries = <EmptyState title="Nothing on this page" action={<Button asChild variant="secondary"><Link href={hrefWith("/ledger", current, {})}>Go to the first page</Link></Button>} />;
  } else {
    entries = (
      <EmptyState
        title="No entries in this period"
        description="Try another period or kind."
        action={
          <Button asChild variant="secondary">
            <Link href={hrefWith("/ledger", {}, { period: "last-12-months" })}>Show the last 12 months</Link>
          </Button>
        }
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Costs & revenues"
        description={describe(filter)}
        actions={
          <>
            <Button asChild variant="secondary">
              <a href={hrefWith("/ledger/export", current, {})} download>
                <Download className="size-4" aria-hidden />
                Export CSV
              </a>
            </Button>
            {addEntry}
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <LedgerFilters period={filter.period} kind={filter.kind} custom={filter.custom} notice={filter.notice} />
        </Card>
        <LedgerTotalsCards totals={totals} currency={dojo.currency} />
        {/* A chart of nothing but zeros says less than the empty list below. */}
        {series.points.some((m) => m.revenueMinor !== 0 || m.costMinor !== 0) && (
          <Card>
            <CardHeader title={`Revenue and costs per ${BUCKET_NAMES[series.bucket]}`} />
            <div className="px-2 py-4 sm:px-4">
              <RevenueCostChart data={series.points} bucket={series.bucket} currency={dojo.currency} />
            </div>
          </Card>
        )}
        <Card>
          <CardHeader title="Entries" description={`${list.total} ${list.total === 1 ? "entry" : "entries"}`} />
          {entries}
        </Card>
      </div>
    </>
  );
}
