import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, members } from "@/db/schema";
import { toMajorString } from "@/lib/money";
import { memberFullName } from "@/lib/members/full-name";
import { displayStatus, STATUS_LABELS } from "@/lib/invoices/status";
import { afterCursor, csvTimestamp, cursorColumns, keysetCsvStream, type SortKey } from "./keyset-csv";

const HEADER = ["Number", "Issue date", "Due date", "Status", "Member", "UID", "Total", "Paid", "Refunded", "Open", "Currency", "Source", "Paid at (UTC)", "Created (UTC)", "Invoice ID"];

// By issue date; invoices of one day in the order they were made.
const KEYS: SortKey[] = [
  { column: invoices.issueDate, cast: "date" },
  { column: invoices.createdAt, cast: "timestamptz" },
  { column: invoices.id, cast: "uuid" },
];

/** Every invoice of the dojo (drafts and void ones too, with their status) as CSV, amounts in major units. */
export function invoicesCsvStream(db: DbOrTx, dojoId: string): ReadableStream<Uint8Array> {
  return keysetCsvStream({
    header: HEADER,
    keys: KEYS.length,
    fetch: (cursor, limit) =>
      db
        .select({
          id: invoices.id,
          number: invoices.number,
          issueDate: invoices.issueDate,
          dueDate: invoices.dueDate,
          status: invoices.status,
          member: memberFullName(),
          uid: members.uid,
          totalMinor: invoices.totalMinor,
          paidMinor: invoices.paidMinor,
          refundedMinor: invoices.refundedMinor,
          currency: invoices.currency,
          source: invoices.source,
          paidAt: invoices.paidAt,
          createdAt: invoices.createdAt,
          ...cursorColumns(KEYS),
        })
        .from(invoices)
        .innerJoin(members, and(eq(members.id, invoices.memberId), eq(members.dojoId, dojoId)))
        .where(and(eq(invoices.dojoId, dojoId), afterCursor(KEYS, cursor)))
        .orderBy(...KEYS.map((k) => asc(k.column)))
        .limit(limit),
    cells: (i) => {
      const open = i.status === "open" ? i.totalMinor - i.paidMinor : 0;
      return [
        i.number,
        i.issueDate,
        i.dueDate,
        STATUS_LABELS[displayStatus(i)],
        i.member,
        i.uid,
        toMajorString(i.totalMinor, i.currency),
        toMajorString(i.paidMinor, i.currency),
        toMajorString(i.refundedMinor, i.currency),
        toMajorString(open, i.currency),
        i.currency,
        i.source,
        csvTimestamp(i.paidAt),
        csvTimestamp(i.createdAt),
        i.id,
      ];
    },
  });
}
