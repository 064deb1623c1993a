import Link from "next/link";
import { Plus } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { DownloadLink } from "@/components/ui/download-link";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { requireStaffPage } from "@/lib/auth/session";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { getMemberOption } from "@/lib/invoices/member-options";
import { displayStatus, STATUS_FILTERS, type StatusFilter } from "@/lib/invoices/status";
import { today } from "@/lib/dates";
import { formatIn } from "@/lib/i18n/format";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { hrefWith, pageFrom, paramOf, type SearchParams } from "@/lib/pagination";
import { cn } from "@/lib/cn";
import { InvoiceStatusBadge } from "./invoice-status-badge";

export async function generateMetadata() {
  return { title: (await staffT("staff.invoices"))("title") };
}

export default async function InvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { dojo } = await requireStaffPage("invoices");
  const params = await searchParams;
  const statusParam = paramOf(params, "status");
  const status = (STATUS_FILTERS as readonly string[]).includes(statusParam) ? (statusParam as StatusFilter) : null;
  const q = paramOf(params, "q");
  const db = await getDb();
  // ?member=<id> (from a member's page) narrows the list to that member of this dojo.
  const member = await getMemberOption(db, dojo.id, paramOf(params, "member"));
  const { rows, total, totals, page, pageSize } = await listInvoices(db, dojo.id, { status, q, memberId: member?.id, page: pageFrom(params) });
  const filtered = Boolean(status || q || member);
  const on = today();
  const t = await staffT("staff.invoices");
  const f = formatIn(await staffLocale());
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("list.description")}
        actions={
          <>
            <DownloadLink href="/invoices/export">{t("list.exportInvoices")}</DownloadLink>
            <DownloadLink href="/payments/export">{t("list.exportPayments")}</DownloadLink>
            <Button asChild>
              <Link href="/invoices/new">
                <Plus className="size-4" aria-hidden />
                {t("list.new")}
              </Link>
            </Button>
          </>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2" role="search">
        {member && (
          <>
            <input type="hidden" name="member" value={member.id} />
            <p className="flex h-10 w-full items-center gap-2 text-sm text-stone-600">
              {t.rich("list.ofMember", { name: member.name, member: (chunks) => <span className="font-medium text-stone-900">{chunks}</span> })}
              <Link href={hrefWith("/invoices", params, { member: undefined, page: undefined })} className="text-brand-700 hover:underline">
                {t("list.showAllMembers")}
              </Link>
            </p>
          </>
        )}
        <label className="min-w-0 flex-1 basis-56">
          <span className="sr-only">{t("list.search")}</span>
          <Input type="search" name="q" defaultValue={q} placeholder={t("list.searchPlaceholder")} />
        </label>
        <label className="basis-40">
          <span className="sr-only">{t("list.status")}</span>
          <Select name="status" defaultValue={status ?? ""}>
            <option value="">{t("list.allStatuses")}</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          {t("list.filter")}
        </Button>
        {filtered && (
          <Button asChild variant="ghost">
            <Link href="/invoices">{t("list.clear")}</Link>
          </Button>
        )}
      </form>
      <Card>
        {rows.length === 0 ? (
          filtered ? (
            <EmptyState
              title={t("list.noMatchTitle")}
              description={t("list.noMatchDescription")}
              action={
                <Button asChild variant="secondary">
                  <Link href="/invoices">{t("list.showAll")}</Link>
                </Button>
              }
            />
          ) : (
            <EmptyState
              title={t("list.emptyTitle")}
              description={t("list.emptyDescription")}
              action={
                <Button asChild>
                  <Link href="/invoices/new">{t("list.createFirst")}</Link>
                </Button>
              }
            />
          )
        ) : (
          <>
            <Table>
              <thead>
                <tr>
                  <Th>{t("list.number")}</Th>
                  <Th className="hidden sm:table-cell">{t("list.member")}</Th>
                  <Th>{t("list.status")}</Th>
                  <Th className="hidden md:table-cell">{t("list.issued")}</Th>
                  <Th className="hidden sm:table-cell">{t("list.due")}</Th>
                  <Th className="text-right">{t("list.total")}</Th>
                  <Th className="hidden text-right md:table-cell">{t("list.open")}</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const shown = displayStatus(row, on);
                  const open = row.status === "open" ? row.totalMinor - row.paidMinor : 0;
                  return (
                    <tr key={row.id} className={cn("hover:bg-stone-50", shown === "overdue" && "bg-red-50/40")}>
                      <Td className="whitespace-nowrap">
                        <Link href={`/invoices/${row.id}`} className="font-medium text-brand-700 hover:underline">
                          {row.number ?? <span className="text-stone-500 italic">{t("list.draft")}</span>}
                        </Link>
                        {/* On a phone the member and due date fold under the number and status. */}
                        <span className="block max-w-40 truncate text-xs text-stone-500 sm:hidden">{row.memberName}</span>
                      </Td>
                      <Td className="hidden max-w-48 truncate sm:table-cell">{row.memberName}</Td>
                      <Td>
                        <InvoiceStatusBadge status={shown} />
                        <span className={cn("block text-xs whitespace-nowrap sm:hidden", shown === "overdue" ? "text-red-700" : "text-stone-500")}>
                          {t("list.dueOn", { date: f.date(row.dueDate) })}
                        </span>
                      </Td>
                      <Td className="hidden whitespace-nowrap text-stone-600 md:table-cell">{f.date(row.issueDate)}</Td>
                      <Td className={cn("hidden whitespace-nowrap sm:table-cell", shown === "overdue" ? "font-medium text-red-700" : "text-stone-600")}>
                        {f.date(row.dueDate)}
                      </Td>
                      <Td className={cn("text-right whitespace-nowrap tabular-nums", row.status === "void" && "text-stone-400 line-through")}>
                        {f.money(row.totalMinor, row.currency)}
                      </Td>
                      <Td className="hidden text-right whitespace-nowrap tabular-nums md:table-cell">{open > 0 ? f.money(open, row.currency) : "—"}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <div className="flex flex-wrap justify-end gap-x-6 gap-y-1 border-t border-stone-100 px-4 py-3 text-sm">
              {totals.map((sum) => (
                <p key={sum.currency} className="text-stone-600">
                  {totals.length > 1 && <span className="mr-2 font-medium">{sum.currency}</span>}
                  {t("list.invoiced")} <span className="font-semibold text-stone-900 tabular-nums">{f.money(sum.totalMinor, sum.currency)}</span>
                  <span className="mx-2 text-stone-300">·</span>
                  {t("list.open")} <span className="font-semibold text-stone-900 tabular-nums">{f.money(sum.openMinor, sum.currency)}</span>
                </p>
              ))}
              <p className="w-full text-right text-xs text-stone-500">
                {t(filtered ? "list.sumsFiltered" : "list.sums", { count: total })}
              </p>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} href={(p) => hrefWith("/invoices", params, { page: p })} />
          </>
        )}
      </Card>
    </>
  );
}
