import { ExternalLink } from "lucide-react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import type { PlatformInvoice } from "@/lib/account-plans/history";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  paid: { label: "Paid", tone: "green" },
  open: { label: "Open", tone: "amber" },
  void: { label: "Void (not charged)", tone: "neutral" },
  uncollectible: { label: "Uncollectible", tone: "red" },
};

/** The dojo's own invoices from Tatami, read from the platform Stripe account. */
export function BillingHistory({ invoices, timeZone }: { invoices: PlatformInvoice[] | null; timeZone: string }) {
  return (
    <Card>
      <CardHeader title="Billing history" description="Invoices from Tatami for your plan." />
      {invoices === null ? (
        <p role="alert" className="px-4 py-4 text-sm text-amber-800 sm:px-5">
          Stripe could not be reached, so your invoices cannot be shown right now. Please try again later.
        </p>
      ) : invoices.length === 0 ? (
        <EmptyState title="No invoices yet" description="Your first invoice appears here once you choose a plan." />
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Date</Th>
              <Th className="hidden sm:table-cell">Number</Th>
              <Th className="text-right">Amount</Th>
              <Th>Status</Th>
              <Th>
                <span className="sr-only">Invoice</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => {
              const status = STATUS[invoice.status] ?? { label: invoice.status, tone: "neutral" as const };
              return (
                <tr key={invoice.id}>
                  <Td className="whitespace-nowrap">{formatDate(invoice.date, timeZone)}</Td>
                  <Td className="hidden font-mono text-xs sm:table-cell">{invoice.number ?? "—"}</Td>
                  <Td className="text-right whitespace-nowrap tabular-nums">{formatMoney(invoice.amount, invoice.currency)}</Td>
                  <Td>
                    <Badge tone={status.tone}>{status.label}</Badge>
                  </Td>
                  <Td className="text-right">
                    {invoice.hostedUrl && (
                      <a href={invoice.hostedUrl} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 text-brand-700 hover:underline">
                        View <ExternalLink className="size-3.5" aria-hidden />
                      </a>
                    )}
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
