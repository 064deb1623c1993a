import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { KIND_LABELS } from "@/lib/ledger/amounts";
import type { LedgerRow } from "@/lib/ledger/list-entries";
import { formatMoney } from "@/lib/money";
import { formatDate } from "@/lib/dates";
import { cn } from "@/lib/cn";
import { CorrectEntryButton } from "./correct-entry-button";

// Payment and refund entries follow their payment; corrections and corrected entries are final.
const correctable = (e: LedgerRow) => !e.corrected && !e.correctsEntryId && !e.paymentId && !e.refundKey;

function KindBadge({ entry }: { entry: LedgerRow }) {
  return <Badge tone={entry.kind === "revenue" ? "green" : "red"}>{KIND_LABELS[entry.kind]}</Badge>;
}

function Notes({ entry }: { entry: LedgerRow }) {
  return (
    <>
      {entry.refundKey ? <Badge tone="amber">Refund</Badge> : entry.correctsEntryId && <Badge tone="amber">Correction</Badge>}
      {entry.corrected && <Badge>Corrected</Badge>}
      {entry.invoiceId && (
        <Link href={`/invoices/${entry.invoiceId}`} className="text-sm font-medium text-brand-700 hover:underline">
          Invoice {entry.invoiceNumber ?? ""}
        </Link>
      )}
    </>
  );
}

function Amount({ entry }: { entry: LedgerRow }) {
  return <span className={cn("font-medium whitespace-nowrap tabular-nums", entry.amountMinor < 0 ? "text-rose-700" : "text-stone-900")}>{formatMoney(entry.amountMinor, entry.currency)}</span>;
}

const summary = (e: LedgerRow) => `${KIND_LABELS[e.kind].toLowerCase()} “${e.description}” of ${formatMoney(e.amountMinor, e.currency)} (${formatDate(e.date)})`;

/** The entries as a table on wide screens and as a stack of rows on phones. */
export function EntriesTable({ entries }: { entries: LedgerRow[] }) {
  return (
    <>
      <div className="hidden md:block">
        <Table>
          <thead>
            <tr>
              <Th>Date</Th>
              <Th>Kind</Th>
              <Th>Category</Th>
              <Th>Description</Th>
              <Th className="text-right">Amount</Th>
              <Th>
                <span className="sr-only">Links and actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="hover:bg-stone-50">
                <Td className="whitespace-nowrap text-stone-700">{formatDate(e.date)}</Td>
                <Td>
                  <KindBadge entry={e} />
                </Td>
                <Td className="max-w-40 truncate text-stone-700">{e.category}</Td>
                <Td className="max-w-80 text-stone-900">{e.description}</Td>
                <Td className="text-right">
                  <Amount entry={e} />
                </Td>
                <Td>
                  <div className="flex items-center justify-end gap-2">
                    <Notes entry={e} />
                    {correctable(e) && <CorrectEntryButton id={e.id} summary={summary(e)} />}
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="divide-y divide-stone-100 md:hidden">
        {entries.map((e) => (
          <li key={e.id} className="space-y-1.5 px-4 py-3">
            <div className="flex items-start justify-between gap-3">
              <p className="min-w-0 font-medium break-words text-stone-900">{e.description}</p>
              <Amount entry={e} />
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm text-stone-500">
              <span>{formatDate(e.date)}</span>
              <KindBadge entry={e} />
              <span className="truncate">{e.category}</span>
            </div>
            <div className="flex flex-wrap items-center gap-2 empty:hidden">
              <Notes entry={e} />
              {correctable(e) && <CorrectEntryButton id={e.id} summary={summary(e)} />}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
