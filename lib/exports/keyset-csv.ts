import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { csvRow } from "@/lib/ledger/csv";

/** One column of an export's sort order, with the SQL type its cursor value is cast back to. */
export interface SortKey {
  column: AnyPgColumn;
  cast: "timestamptz" | "date" | "uuid" | "integer";
}

/**
 * The cursor values of a row, read as text by the database itself: a JavaScript Date keeps only
 * milliseconds, and PostgreSQL timestamps have microseconds, so a cursor made from a Date would
 * repeat or skip rows that share a millisecond.
 */
export function cursorColumns(keys: readonly SortKey[]): Record<string, SQL<string>> {
  return Object.fromEntries(keys.map((k, i) => [`cursor${i}`, sql<string>`${k.column}::text`]));
}

/** Rows after the cursor in (k1, k2, ...) order: one row comparison, which an index on the keys serves. */
export function afterCursor(keys: readonly SortKey[], cursor: readonly string[] | null): SQL | undefined {
  if (!cursor) return undefined;
  const columns = sql.join(
    keys.map((k) => sql`${k.column}`),
    sql`, `,
  );
  const values = sql.join(
    keys.map((k, i) => sql`${cursor[i]}::${sql.raw(k.cast)}`),
    sql`, `,
  );
  return sql`(${columns}) > (${values})`;
}

export const EXPORT_BATCH = 500;

/**
 * A CSV download read from the database one batch at a time, each batch continuing after the
 * last row's sort keys (never by offset, so a row added during the download shifts nothing into
 * a duplicate). `fetch` reads the next batch after a cursor, in the sort keys' order.
 */
export function keysetCsvStream<R extends Record<string, unknown>>(options: {
  header: readonly string[];
  keys: number;
  fetch: (cursor: readonly string[] | null, limit: number) => Promise<R[]>;
  cells: (row: R) => readonly (string | number | null | undefined)[];
  batch?: number;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batch = options.batch ?? EXPORT_BATCH;
  let cursor: string[] | null = null;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte-order mark makes Excel read the file as UTF-8 (accents, ’, €).
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(options.header)}`));
    },
    async pull(controller) {
      const rows = await options.fetch(cursor, batch);
      const text = rows.map((r) => csvRow(options.cells(r))).join("");
      if (text) controller.enqueue(encoder.encode(text));
      if (rows.length < batch) {
        controller.close();
        return;
      }
      const last = rows[rows.length - 1];
      cursor = Array.from({ length: options.keys }, (_, i) => String(last[`cursor${i}`]));
    },
  });
}

/** "2026-03-12 14:05:33": UTC, as spreadsheets read it. */
export function csvTimestamp(moment: Date | null | undefined): string {
  return moment ? moment.toISOString().slice(0, 19).replace("T", " ") : "";
}

/** "members-kyoto-karate-2026-03-12.csv" */
export function exportFilename(what: string, dojo: { slug: string }, now = new Date()): string {
  return `${what}-${dojo.slug}-${now.toISOString().slice(0, 10)}.csv`;
}
