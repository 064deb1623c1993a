import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { LedgerRow } from "@/lib/ledger/list-entries";
import { formatIn, type Formats } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { cn } from "@/lib/cn";
import { CorrectEntryButton } from "./correct-entry-button";
import { isDisputeKey } from "@/lib/payments/disputes/dispute-key";

// Payment and refund entries follow their payment; corrections and corrected entries are final.
const correctable = (e: LedgerRow) => !e.corrected && !e.correctsEntryId && !e.paymentId && !e.refundKey;

function KindBadge({ entry, t }: { entry: LedgerRow; t: Translate }) {
  return <Badge tone={entry.kind === "revenue" ? "green" : "red"}>{t(`kind.${entry.kind}`)}</Badge>;
}

function Notes({ entry, t }: { entry: LedgerRow; t: Translate }) {
  return (
    <>
      {entry.refundKey ? <Badge tone="amber">{t(isDisputeKey(entry.refundKey) ? "table.dispute" : "table.refund")}</Badge> : entry.correctsEntryId && <Badge tone="amber">{t("table.correction")}</Badge>}
      {entry.corrected && <Badge>{t("table.corrected")}</Badge>}
      {entry.invoiceId && (
        <Link href={`/invoices/${entry.invoiceId}`} className="text-sm font-medium text-brand-700 hover:underline">
          {t("table.invoice", { number: entry.invoiceNumber ?? "" })}
        </Link>
      )}
    </>
  );
}

function Amount({ entry, f }: { entry: LedgerRow; f: Formats }) {
  return <span className={cn("font-medium whitespace-nowrap tabular-nums", entry.amountMinor < 0 ? "text-rose-700" : "text-stone-900")}>{f.money(entry.amountMinor, entry.currency)}</span>;
}

const summary = (e: LedgerRow, t: Translate, f: Formats) => t("table.entrySummary", { kind: t(`kindInSentence.${e.kind}`), description: e.description, amount: f.money(e.amountMinor, e.currency), date: f.date(e.date) });

/** The entries as a table on wide screens and as a stack of rows on phones. */
export async function EntriesTable({ entries }: { entries: LedgerRow[] }) {
  const t = await staffT("staff.ledger");
  const f = formatIn(await staffLocale());
  return (
    <>
      <div className="hidden md:block">
        <Table>
          <thead>
            <tr>
              <Th>{t("table.date")}</Th>
              <Th>{t("table.kind")}</Th>
              <Th>{t("table.category")}</Th>
              <Th>{t("table.description")}</Th>
              <Th className="text-right">{t("table.amount")}</Th>
              <Th>
                <span className="sr-only">{t("table.actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="hover:bg-stone-50">
                <Td className="whitespace-nowrap text-stone-700">{f.date(e.date)}</Td>
                <Td>
                  <KindBadge entry={e} t={t} />
                </Td>
                <Td className="max-w-40 truncate text-stone-700">{e.category}</Td>
                <Td className="max-w-80 text-stone-900">{e.description}</Td>
                <Td className="text-right">
                  <Amount entry={e} f={f} />
                </Td>
                <Td>
                  <div className="flex items-center justify-end gap-2">
                    <Notes entry={e} t={t} />
                    {correctable(e) && <CorrectEntryButton id={e.id} summary={summary(e, t, f)} />}
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
              <Amount entry={e} f={f} />
            </div>
            <div className="flex flex-wrap items-center gap-2 text-sm text-stone-500">
              <span>{f.date(e.date)}</span>
              <KindBadge entry={e} t={t} />
              <span className="truncate">{e.category}</span>
            </div>
            <div className="flex flex-wrap items-center gap-2 empty:hidden">
              <Notes entry={e} t={t} />
              {correctable(e) && <CorrectEntryButton id={e.id} summary={summary(e, t, f)} />}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
