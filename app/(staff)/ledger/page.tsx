import Link from "next/link";
import { Download } from "lucide-react";
import { getDb } from "@/db/client";
import { RevenueCostChart } from "@/components/charts/revenue-cost-chart";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { KeysetPagination } from "@/components/ui/pagination";
import { requireStaffPage } from "@/lib/auth/session";
import { today } from "@/lib/dates";
import { formatIn, type Formats } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { ledgerCategories } from "@/lib/ledger/categories";
import { ledgerFilterFrom, ledgerFilterParams, type LedgerFilter } from "@/lib/ledger/filters";
import { listLedgerEntries } from "@/lib/ledger/list-entries";
import { monthSums } from "@/lib/ledger/months";
import { ledgerSeries } from "@/lib/ledger/series";
import { MAX_RANGE_YEARS } from "@/lib/ledger/period";
import { ledgerTotals } from "@/lib/ledger/totals";
import { hrefWith, keysetFrom, PAGE_SIZE, type Keyset, type SearchParams } from "@/lib/pagination";
import { AddEntryDialog } from "./add-entry-dialog";
import { EntriesTable } from "./entries-table";
import { LedgerFilters } from "./ledger-filters";
import { LedgerTotalsCards } from "./ledger-totals";

export async function generateMetadata() {
  return { title: (await staffT("staff.ledger"))("title") };
}

/** "Revenue and costs, this month (1 Mar 2026 – 31 Mar 2026)". */
function describe(filter: LedgerFilter, t: Translate, f: Formats): string {
  const { from, to } = filter.range;
  const span = from && to ? `${f.date(from)} – ${f.date(to)}` : from ? t("summary.from", { from: f.date(from) }) : to ? t("summary.until", { to: f.date(to) }) : t("summary.allDates");
  const kind = t(`summary.${filter.kind}`);
  return `${kind}, ${filter.period === "custom" ? span : `${t(`period.${filter.period}`).toLocaleLowerCase(f.locale)} (${span})`}`;
}

/** Said when a custom range was shortened; years before 1000 as typed ("0005-12-31"), which Intl would print as "5". */
function cappedNotice(filter: LedgerFilter, t: Translate, f: Formats): string | null {
  const { from, to } = filter.range;
  if (!filter.notice || !from || !to) return null;
  const day = (d: string) => (d < "1000" ? d : f.date(d));
  return t("filters.capped", { years: MAX_RANGE_YEARS, from: day(from), to: day(to) });
}

export default async function LedgerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("ledger");
  const params = await searchParams;
  const t = await staffT("staff.ledger");
  const f = formatIn(await staffLocale());
  const filter = ledgerFilterFrom(params);
  const keyset = keysetFrom(params);
  const db = await getDb();
  // One read of the monthly rollup serves the entry count, the totals and the chart.
  const months = monthSums(db, dojo.id, filter);
  const [list, totals, series, categories] = await Promise.all([
    listLedgerEntries(db, dojo.id, filter, keyset, PAGE_SIZE, months),
    ledgerTotals(db, dojo.id, filter, months),
    ledgerSeries(db, dojo.id, filter, months),
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
    entries = <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} action={addEntry} />;
  } else if (list.total > 0) {
    entries = (
      <EmptyState
        title={t("nothingOnPage")}
        action={
          <Button asChild variant="secondary">
            <Link href={hrefWith("/ledger", current, {})}>{t("firstPage")}</Link>
          </Button>
        }
      />
    );
  } else {
    entries = (
      <EmptyState
        title={t("noneInPeriod")}
        description={t("noneInPeriodDescription")}
        action={
          <Button asChild variant="secondary">
            <Link href={hrefWith("/ledger", {}, { period: "last-12-months" })}>{t("lastTwelveMonths")}</Link>
          </Button>
        }
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t("title")}
        description={describe(filter, t, f)}
        actions={
          <>
            <Button asChild variant="secondary">
              <a href={hrefWith("/ledger/export", current, {})} download>
                <Download className="size-4" aria-hidden />
                {t("exportCsv")}
              </a>
            </Button>
            {addEntry}
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <LedgerFilters period={filter.period} kind={filter.kind} custom={filter.custom} notice={cappedNotice(filter, t, f)} />
        </Card>
        <LedgerTotalsCards totals={totals} currency={dojo.currency} />
        {/* A chart of nothing but zeros says less than the empty list below. */}
        {series.points.some((m) => m.revenueMinor !== 0 || m.costMinor !== 0) && (
          <Card>
            <CardHeader title={t(`chartTitle.${series.bucket}`)} />
            <div className="px-2 py-4 sm:px-4">
              <RevenueCostChart data={series.points} bucket={series.bucket} currency={dojo.currency} />
            </div>
          </Card>
        )}
        <Card>
          <CardHeader title={t("entries")} description={t("entryCount", { count: list.total })} />
          {entries}
        </Card>
      </div>
    </>
  );
}
