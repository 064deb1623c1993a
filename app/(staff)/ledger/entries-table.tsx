import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Th } from "@/components/ui/table";
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

/** Whether the row's last cell (badges, invoice link, "Correct…") has anything in it. */
const hasNotes = (e: LedgerRow) => Boolean(e.refundKey || e.correctsEntryId || e.corrected || e.invoiceId || correctable(e));

// One markup for both widths (each row drawn once: the page's HTML and payload were twice the rows):
// a table from `md` up; on phones the same rows are stacked cards (description and amount, then
// date, kind and category, then notes), the column headers hidden. The cells' shared table look is
// set once on the body instead of on each cell.
const BODY = "block md:table-row-group max-md:divide-y max-md:divide-stone-100 md:[&_td]:border-b md:[&_td]:border-stone-100 md:[&_td]:px-3 md:[&_td]:py-2.5 md:[&_td]:align-middle";
const ROW = "grid grid-cols-[auto_auto_1fr_auto] items-center gap-x-2 gap-y-1.5 px-4 py-3 md:table-row md:p-0 md:hover:bg-stone-50";

/** The entries as a table on wide screens and as a stack of rows on phones. */
export async function EntriesTable({ entries }: { entries: LedgerRow[] }) {
  const t = await staffT("staff.ledger");
  const f = formatIn(await staffLocale());
  return (
    <div className="md:relative md:overflow-x-auto">
      <table className="block w-full text-left md:table md:min-w-full md:text-sm">
        <thead className="hidden md:table-header-group">
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
        <tbody className={BODY}>
          {entries.map((e) => (
            <tr key={e.id} className={ROW}>
              <td className="row-start-2 text-sm whitespace-nowrap text-stone-500 md:text-stone-700">{f.date(e.date)}</td>
              <td className="row-start-2 max-md:flex">
                <KindBadge entry={e} t={t} />
              </td>
              <td className="col-span-2 row-start-2 truncate text-sm text-stone-500 md:max-w-40 md:text-stone-700">{e.category}</td>
              <td className="col-span-3 row-start-1 min-w-0 self-start font-medium text-stone-900 max-md:me-1 max-md:break-words md:max-w-80 md:font-normal">{e.description}</td>
              <td className="col-start-4 row-start-1 self-start text-right">
                <Amount entry={e} f={f} />
              </td>
              <td className="col-span-4 max-md:empty:hidden">
                {hasNotes(e) && (
                  <div className="flex flex-wrap items-center gap-2 md:flex-nowrap md:justify-end">
                    <Notes entry={e} t={t} />
                    {correctable(e) && <CorrectEntryButton id={e.id} summary={summary(e, t, f)} />}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
