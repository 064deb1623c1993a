import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, members, payments } from "@/db/schema";
import { toMajorString } from "@/lib/money";
import { memberFullName } from "@/lib/members/full-name";
import { afterCursor, csvTimestamp, cursorColumns, keysetCsvStream, type SortKey } from "./keyset-csv";

// The export's columns and words are English, like its header, whatever the dashboard's language.
const METHOD_LABELS = { cash: "Cash", bank_transfer: "Bank transfer", card: "Card" } as const;

const HEADER = ["Paid at (UTC)", "Invoice", "Member", "UID", "Method", "Amount", "Currency", "Reference", "Stripe payment", "Payment ID"];

// In the order the money came in (payments_dojo_idx serves it).
const KEYS: SortKey[] = [
  { column: payments.paidAt, cast: "timestamptz" },
  { column: payments.id, cast: "uuid" },
];

/** Every payment recorded in the dojo (cash, transfer, card) as CSV. Refunds are in the ledger export. */
export function paymentsCsvStream(db: DbOrTx, dojoId: string): ReadableStream<Uint8Array> {
  return keysetCsvStream({
    header: HEADER,
    keys: KEYS.length,
    fetch: (cursor, limit) =>
      db
        .select({
          id: payments.id,
          paidAt: payments.paidAt,
          invoiceNumber: invoices.number,
          member: memberFullName(),
          uid: members.uid,
          method: payments.method,
          amountMinor: payments.amountMinor,
          currency: payments.currency,
          reference: payments.reference,
          paymentIntent: payments.stripePaymentIntentId,
          ...cursorColumns(KEYS),
        })
        .from(payments)
        .innerJoin(invoices, and(eq(invoices.id, payments.invoiceId), eq(invoices.dojoId, dojoId)))
        .innerJoin(members, and(eq(members.id, invoices.memberId), eq(members.dojoId, dojoId)))
        .where(and(eq(payments.dojoId, dojoId), afterCursor(KEYS, cursor)))
        .orderBy(...KEYS.map((k) => asc(k.column)))
        .limit(limit),
    cells: (p) => [
      csvTimestamp(p.paidAt),
      p.invoiceNumber,
      p.member,
      p.uid,
      METHOD_LABELS[p.method],
      toMajorString(p.amountMinor, p.currency),
      p.currency,
      p.reference,
      p.paymentIntent,
      p.id,
    ],
  });
}
