import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, shopOrders } from "@/db/schema";
import { toMajorString } from "@/lib/money";
import { ORDER_STATUS_LABELS } from "@/lib/shop/orders";
import { afterCursor, csvTimestamp, cursorColumns, keysetCsvStream, type SortKey } from "./keyset-csv";

const HEADER = ["Order", "Placed at (UTC)", "Status", "Buyer", "E-mail", "Phone", "Payment", "Items", "Total", "Refunded", "Currency", "Invoice", "Paid at (UTC)", "Fulfilled at (UTC)", "Cancelled at (UTC)"];
const PAYMENT_LABELS = { card: "Card", at_dojo: "At the dojo" } as const;

// In the order they were placed (the shop numbers them the same way).
const KEYS: SortKey[] = [
  { column: shopOrders.createdAt, cast: "timestamptz" },
  { column: shopOrders.id, cast: "uuid" },
];

/** Every webshop order of the dojo as CSV, its items on one line ("2 × Gi; 1 × Belt"). */
export function ordersCsvStream(db: DbOrTx, dojoId: string): ReadableStream<Uint8Array> {
  return keysetCsvStream({
    header: HEADER,
    keys: KEYS.length,
    fetch: (cursor, limit) =>
      db
        .select({
          number: shopOrders.number,
          createdAt: shopOrders.createdAt,
          status: shopOrders.status,
          buyerName: shopOrders.buyerName,
          buyerEmail: shopOrders.buyerEmail,
          buyerPhone: shopOrders.buyerPhone,
          payment: shopOrders.payment,
          items: sql<string>`(select string_agg(l.quantity || ' × ' || l.name, '; ' order by l.position) from shop_order_lines l where l.order_id = ${shopOrders.id} and l.dojo_id = ${dojoId})`,
          totalMinor: shopOrders.totalMinor,
          refundedMinor: shopOrders.refundedMinor,
          currency: shopOrders.currency,
          invoiceNumber: invoices.number,
          paidAt: shopOrders.paidAt,
          fulfilledAt: shopOrders.fulfilledAt,
          cancelledAt: shopOrders.cancelledAt,
          ...cursorColumns(KEYS),
        })
        .from(shopOrders)
        .leftJoin(invoices, and(eq(invoices.id, shopOrders.invoiceId), eq(invoices.dojoId, dojoId)))
        .where(and(eq(shopOrders.dojoId, dojoId), afterCursor(KEYS, cursor)))
        .orderBy(...KEYS.map((k) => asc(k.column)))
        .limit(limit),
    cells: (o) => [
      o.number,
      csvTimestamp(o.createdAt),
      ORDER_STATUS_LABELS[o.status],
      o.buyerName,
      o.buyerEmail,
      o.buyerPhone,
      PAYMENT_LABELS[o.payment],
      o.items,
      toMajorString(o.totalMinor, o.currency),
      toMajorString(o.refundedMinor, o.currency),
      o.currency,
      o.invoiceNumber,
      csvTimestamp(o.paidAt),
      csvTimestamp(o.fulfilledAt),
      csvTimestamp(o.cancelledAt),
    ],
  });
}
