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
import { displayStatus, STATUS_FILTERS, STATUS_LABELS, type StatusFilter } from "@/lib/invoices/status";
import { formatDate, today } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { hrefWith, pageFrom, paramOf, type SearchParams } from "@/lib/pagination";
import { cn } from "@/lib/cn";
import { InvoiceStatusBadge } from "./invoice-status-badge";

export const metadata = { title: "Invoices" };

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
  return (
    <>
      <PageHeader
        title="Invoices"
        description="Create invoices, record payments and see what is still open."
        actions={
          <>
            <DownloadLink href="/invoices/export">Export invoices</DownloadLink>
            <DownloadLink href="/payments/export">Export payments</DownloadLink>
            <Button asChild>
              <Link href="/invoices/new">
                <Plus className="size-4" aria-hidden />
                New invoice
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
              Invoices of <span className="font-medium text-stone-900">{member.name}</span>
              <Link href={hrefWith("/invoices", params, { member: undefined, page: undefined })} className="text-brand-700 hover:underline">
                Show all members
              </Link>
            </p>
          </>
        )}
        <label className="min-w-0 flex-1 basis-56">
          <span className="sr-only">Search</span>
          <Input type="search" name="q" defaultValue={q} placeholder="Search number or member name" />
        </label>
        <label className="basis-40">
          <span className="sr-only">Status</span>
          <Select name="status" defaultValue={status ?? ""}>
            <option value="">All statuses</option>
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {filtered && (
          <Button asChild variant="ghost">
            <Link href="/invoices">Clear</Link>
          </Button>
        )}
      </form>
      <Card>
        {rows.length === 0 ? (
          filtered ? (
            <EmptyState
              title="No invoices match"
              description="Try another search or status."
              action={
                <Button asChild variant="secondary">
                  <Link href="/invoices">Show all invoices</Link>
                </Button>
              }
            />
          ) : (
            <EmptyState
              title="No invoices yet"
              description="Invoice a member for training, gradings or equipment. Drafts get their number when you issue them."
              action={
                <Button asChild>
                  <Link href="/invoices/new">Create the first invoice</Link>
                </Button>
              }
            />
          )
        ) : (
          <>
            <Table>
              <thead>
                <tr>
                  <Th>Number</Th>
                  <Th className="hidden sm:table-cell">Member</Th>
                  <Th>Status</Th>
                  <Th className="hidden md:table-cell">Issued</Th>
                  <Th className="hidden sm:table-cell">Due</Th>
                  <Th className="text-right">Total</Th>
                  <Th className="hidden text-right md:table-cell">Open</Th>
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
                          {row.number ?? <span className="text-stone-500 italic">Draft</span>}
                        </Link>
                        {/* On a phone the member and due date fold under the number and status. */}
                        <span className="block max-w-40 truncate text-xs text-stone-500 sm:hidden">{row.memberName}</span>
                      </Td>
                      <Td className="hidden max-w-48 truncate sm:table-cell">{row.memberName}</Td>
                      <Td>
                        <InvoiceStatusBadge status={shown} />
                        <span className={cn("block text-xs whitespace-nowrap sm:hidden", shown === "overdue" ? "text-red-700" : "text-stone-500")}>
                          due {formatDate(row.dueDate)}
                        </span>
                      </Td>
                      <Td className="hidden whitespace-nowrap text-stone-600 md:table-cell">{formatDate(row.issueDate)}</Td>
                      <Td className={cn("hidden whitespace-nowrap sm:table-cell", shown === "overdue" ? "font-medium text-red-700" : "text-stone-600")}>
                        {formatDate(row.dueDate)}
                      </Td>
                      <Td className={cn("text-right whitespace-nowrap tabular-nums", row.status === "void" && "text-stone-400 line-through")}>
                        {formatMoney(row.totalMinor, row.currency)}
                      </Td>
                      <Td className="hidden text-right whitespace-nowrap tabular-nums md:table-cell">{open > 0 ? formatMoney(open, row.currency) : "—"}</Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
            <div className="flex flex-wrap justify-end gap-x-6 gap-y-1 border-t border-stone-100 px-4 py-3 text-sm">
              {totals.map((t) => (
                <p key={t.currency} className="text-stone-600">
                  {totals.length > 1 && <span className="mr-2 font-medium">{t.currency}</span>}
                  Invoiced <span className="font-semibold text-stone-900 tabular-nums">{formatMoney(t.totalMinor, t.currency)}</span>
                  <span className="mx-2 text-stone-300">·</span>
                  Open <span className="font-semibold text-stone-900 tabular-nums">{formatMoney(t.openMinor, t.currency)}</span>
                </p>
              ))}
              <p className="w-full text-right text-xs text-stone-500">
                Sums of all {total} invoices listed{filtered ? " with these filters" : ""}, void excluded.
              </p>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} href={(p) => hrefWith("/invoices", params, { page: p })} />
          </>
        )}
      </Card>
    </>
  );
}
