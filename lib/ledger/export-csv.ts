import { and, asc, eq, gt, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, ledgerEntries, type Dojo } from "@/db/schema";
import { toMajorString } from "@/lib/money";
import { KIND_LABELS } from "./amounts";
import { ledgerConditions } from "./conditions";
import { ledgerEntryColumns } from "./entry-columns";
import { csvRow } from "./csv";
import type { LedgerFilter } from "./filters";

const HEADER = ["Date", "Kind", "Category", "Description", "Amount", "Currency", "Invoice", "Entry ID", "Corrects entry ID"];
const BATCH = 500;

/** "ledger-kyoto-karate-2026-01-01-to-2026-12-31.csv" */
export function ledgerCsvFilename(dojo: Pick<Dojo, "slug">, filter: Pick<LedgerFilter, "range">): string {
  const { from, to } = filter.range;
  const span = from || to ? `-${from ?? "start"}-to-${to ?? "today"}` : "-all";
  return `ledger-${dojo.slug}${span}.csv`;
}

/**
 * The filtered entries as CSV, oldest first, read in batches so a large ledger never sits in
 * memory whole. Batches continue after the last (date, id) seen rather than by offset, so an
 * entry booked during the download cannot shift rows into a duplicate. Amounts are decimal
 * strings in major units, signed as stored (see ./amounts.ts).
 */
export function ledgerCsvStream(db: DbOrTx, dojoId: string, filter: Pick<LedgerFilter, "kind" | "range">): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: { date: string; id: string } | null = null;
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte-order mark makes Excel read the file as UTF-8 (accents, ’, €).
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(HEADER)}`));
    },
    async pull(controller) {
      if (done) return;
      const cursor = after;
      const rows = await db
        .select(ledgerEntryColumns)
        .from(ledgerEntries)
        .leftJoin(invoices, and(eq(invoices.id, ledgerEntries.invoiceId), eq(invoices.dojoId, dojoId)))
        .where(
          and(
            ledgerConditions(dojoId, filter),
            cursor ? or(gt(ledgerEntries.date, cursor.date), and(eq(ledgerEntries.date, cursor.date), gt(ledgerEntries.id, cursor.id))) : undefined,
          ),
        )
        .orderBy(asc(ledgerEntries.date), asc(ledgerEntries.id))
        .limit(BATCH);
      const text = rows
        .map((r) => csvRow([r.date, KIND_LABELS[r.kind], r.category, r.description, toMajorString(r.amountMinor, r.currency), r.currency, r.invoiceNumber, r.id, r.correctsEntryId]))
        .join("");
      if (text) controller.enqueue(encoder.encode(text));
      if (rows.length < BATCH) {
        done = true;
        controller.close();
      } else {
        const last = rows[rows.length - 1];
        after = { date: last.date, id: last.id };
      }
    },
  });
}
