import { and, asc, count, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, shopOrderLines, shopOrders, type ShopOrder, type ShopOrderStatus } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { containsPattern } from "@/lib/search-pattern";
import { PAGE_SIZE } from "@/lib/pagination";
import { idSchema } from "@/lib/validation/common";

export const ORDER_STATUS_LABELS: Record<ShopOrderStatus, string> = { pending: "Pending", paid: "Paid", fulfilled: "Fulfilled", cancelled: "Cancelled" };

/** What the orders list filters by: a status, or the pay-at-the-dojo orders staff still have to confirm. */
export type OrderFilter = ShopOrderStatus | "to_confirm";

const toConfirm = and(eq(shopOrders.status, "pending"), eq(shopOrders.payment, "at_dojo"), isNull(shopOrders.confirmedAt));

/** A card order whose Checkout ran out without a payment: it holds nothing any more. */
export const isAbandoned = (order: Pick<ShopOrder, "status" | "payment" | "reservedUntil">, now = new Date()) =>
  order.status === "pending" && order.payment === "card" && order.reservedUntil !== null && order.reservedUntil < now;

/**
 * A pay-at-the-dojo order whose invoice was paid at the desk (Invoices → Record payment) is paid
 * too. Synced when orders are read, so the invoice code needs to know nothing about the shop.
 */
export async function syncPaidAtDojoOrders(db: DbOrTx, dojoId: string): Promise<void> {
  await db.execute(sql`
    update shop_orders o set status = 'paid', paid_at = i.paid_at
    from invoices i
    where i.dojo_id = o.dojo_id and i.id = o.invoice_id and o.dojo_id = ${dojoId} and o.status = 'pending' and o.payment = 'at_dojo' and i.status = 'paid'`);
}

/** What the orders list shows of an order (not the buyer's address, note or Stripe references). */
const orderListColumns = {
  id: shopOrders.id,
  number: shopOrders.number,
  buyerName: shopOrders.buyerName,
  status: shopOrders.status,
  payment: shopOrders.payment,
  currency: shopOrders.currency,
  totalMinor: shopOrders.totalMinor,
  reservedUntil: shopOrders.reservedUntil,
  confirmedAt: shopOrders.confirmedAt,
  createdAt: shopOrders.createdAt,
};

/** A page of orders, newest first — orders to confirm soonest-expiring first. */
export async function listOrders(db: DbOrTx, dojoId: string, opts: { status?: OrderFilter | null; q?: string; page?: number; pageSize?: number }) {
  const where: (SQL | undefined)[] = [eq(shopOrders.dojoId, dojoId)];
  if (opts.status === "to_confirm") where.push(toConfirm);
  else if (opts.status) where.push(eq(shopOrders.status, opts.status));
  const term = opts.q?.trim();
  if (term) {
    const like = containsPattern(term);
    where.push(or(ilike(shopOrders.buyerName, like), ilike(shopOrders.buyerEmail, like), sql`${shopOrders.number}::text = ${term.replace(/^#/, "")}`));
  }
  const page = Math.max(1, opts.page ?? 1);
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  // Orders to confirm have no invoice yet (confirming issues it): the sync cannot change them.
  if (opts.status !== "to_confirm") await syncPaidAtDojoOrders(db, dojoId);
  const order = opts.status === "to_confirm" ? [asc(shopOrders.reservedUntil), asc(shopOrders.number)] : [desc(shopOrders.createdAt)];
  const [rows, [{ total }]] = await Promise.all([
    db.select(orderListColumns).from(shopOrders).where(and(...where)).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(shopOrders).where(and(...where)),
  ]);
  return { rows, total, page };
}

export async function getOrder(db: DbOrTx, dojoId: string, orderId: string) {
  if (!idSchema.safeParse(orderId).success) throw new NotFoundError("Order");
  await syncPaidAtDojoOrders(db, dojoId);
  const [row] = await db
    .select({ order: shopOrders, invoice: { id: invoices.id, number: invoices.number, status: invoices.status } })
    .from(shopOrders)
    .leftJoin(invoices, eq(invoices.id, shopOrders.invoiceId))
    .where(and(eq(shopOrders.id, orderId), eq(shopOrders.dojoId, dojoId)));
  if (!row) throw new NotFoundError("Order");
  const lines = await db.select().from(shopOrderLines).where(eq(shopOrderLines.orderId, orderId)).orderBy(asc(shopOrderLines.position));
  return { ...row, lines };
}
