import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Th } from "@/components/ui/table";
import type { LedgerRow } from "@/lib/ledger/list-entries";
import { formatIn, type Formats } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/messages";
import { staffLocale, staffT } from "@/lib/i18n/staff-session";
import { cn } from "@/lib/cn";
import { CorrectEntryButton } from "./correct-entry-button";
import "./entries-table.css";
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

// One markup for both widths (each row drawn once: the page's HTML and payload were twice the rows),
// laid out by entries-table.css: a table from `md` up, stacked rows on phones with the column
// headers hidden.
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
        <tbody className="ledger-rows">
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{f.date(e.date)}</td>
              <td>
                <KindBadge entry={e} t={t} />
              </td>
              <td>{e.category}</td>
              <td>{e.description}</td>
              <td>
                <Amount entry={e} f={f} />
              </td>
              <td>
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
