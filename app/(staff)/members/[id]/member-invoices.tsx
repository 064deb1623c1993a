import Link from "next/link";
import { Plus } from "lucide-react";
import { getDb } from "@/db/client";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { listInvoices } from "@/lib/invoices/list-invoices";
import { displayStatus } from "@/lib/invoices/status";
import { formatDate, today } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { moneyLocale } from "@/lib/i18n/locales";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { cn } from "@/lib/cn";
import { InvoiceStatusBadge } from "@/app/(staff)/invoices/invoice-status-badge";

const SHOWN = 10;

/** The member's latest invoices on their page, with what they still owe. */
export async function MemberInvoices({ dojoId, memberId }: { dojoId: string; memberId: string }) {
  const { rows, total, totals } = await listInvoices(await getDb(), dojoId, { memberId, pageSize: SHOWN });
  const on = today();
  const t = await staffT("staff.members.member.invoices");
  const locale = await staffLocale();
  const money = (minor: number, currency: string) => formatMoney(minor, currency, moneyLocale(locale));
  const owed = totals.filter((total) => total.openMinor > 0).map((total) => money(total.openMinor, total.currency));
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={total === 0 ? undefined : owed.length > 0 ? t("open", { amounts: owed.join(" + ") }) : t("nothingOpen")}
        actions={
          <Button asChild size="sm">
            <Link href={`/invoices/new?member=${memberId}`}>
              <Plus className="size-4" aria-hidden />
              {t("new")}
            </Link>
          </Button>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <>
          <Table>
            <thead>
              <tr>
                <Th>{t("number")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("due")}</Th>
                <Th className="text-right">{t("total")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const status = displayStatus(row, on);
                return (
                  <tr key={row.id} className="hover:bg-stone-50">
                    <Td className="whitespace-nowrap">
                      <Link href={`/invoices/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {row.number ?? <span className="text-stone-500 italic">{t("draft")}</span>}
                      </Link>
                    </Td>
                    <Td>
                      <InvoiceStatusBadge status={status} />
                    </Td>
                    <Td className={cn("whitespace-nowrap", status === "overdue" ? "font-medium text-red-700" : "text-stone-600")}>{formatDate(row.dueDate, "UTC", locale)}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{money(row.totalMinor, row.currency)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {total > SHOWN && (
            <p className="px-4 py-3 text-sm">
              <Link href={`/invoices?member=${memberId}`} className="text-brand-700 hover:underline">
                {t("all", { total })}
              </Link>
            </p>
          )}
        </>
      )}
    </Card>
  );
}
