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
import { cn } from "@/lib/cn";
import { InvoiceStatusBadge } from "@/app/(staff)/invoices/invoice-status-badge";

const SHOWN = 10;

/** The member's latest invoices on their page, with what they still owe. */
export async function MemberInvoices({ dojoId, memberId }: { dojoId: string; memberId: string }) {
  const { rows, total, totals } = await listInvoices(await getDb(), dojoId, { memberId, pageSize: SHOWN });
  const on = today();
  const owed = totals.filter((t) => t.openMinor > 0).map((t) => formatMoney(t.openMinor, t.currency));
  return (
    <Card>
      <CardHeader
        title="Invoices"
        description={total === 0 ? undefined : owed.length > 0 ? `${owed.join(" + ")} open` : "Nothing open"}
        actions={
          <Button asChild size="sm">
            <Link href={`/invoices/new?member=${memberId}`}>
              <Plus className="size-4" aria-hidden />
              New invoice
            </Link>
          </Button>
        }
      />
      {rows.length === 0 ? (
        <EmptyState title="No invoices yet" description="Invoices for this member will show up here." />
      ) : (
        <>
          <Table>
            <thead>
              <tr>
                <Th>Number</Th>
                <Th>Status</Th>
                <Th>Due</Th>
                <Th className="text-right">Total</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const status = displayStatus(row, on);
                return (
                  <tr key={row.id} className="hover:bg-stone-50">
                    <Td className="whitespace-nowrap">
                      <Link href={`/invoices/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {row.number ?? <span className="text-stone-500 italic">Draft</span>}
                      </Link>
                    </Td>
                    <Td>
                      <InvoiceStatusBadge status={status} />
                    </Td>
                    <Td className={cn("whitespace-nowrap", status === "overdue" ? "font-medium text-red-700" : "text-stone-600")}>{formatDate(row.dueDate)}</Td>
                    <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(row.totalMinor, row.currency)}</Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
          {total > SHOWN && (
            <p className="px-4 py-3 text-sm">
              <Link href={`/invoices?member=${memberId}`} className="text-brand-700 hover:underline">
                All {total} invoices of this member
              </Link>
            </p>
          )}
        </>
      )}
    </Card>
  );
}
