import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invoices, shopOrderLines, shopOrders, type ShopOrder, type ShopOrderStatus } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { containsPattern } from "@/lib/search-pattern";
import { PAGE_SIZE } from "@/lib/pagination";
import { idSchema } from "@/lib/validation/common";

export const ORDER_STATUS_LABELS: Record<ShopOrderStatus, string> = { pending: "Pending", paid: "Paid", fulfilled: "Fulfilled", cancelled: "Cancelled" };

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
    where i.id = o.invoice_id and o.dojo_id = ${dojoId} and o.status = 'pending' and o.payment = 'at_dojo' and i.status = 'paid'`);
}

export async function listOrders(db: DbOrTx, dojoId: string, opts: { status?: ShopOrderStatus | null; q?: string; page?: number }) {
  const where: (SQL | undefined)[] = [eq(shopOrders.dojoId, dojoId)];
  if (opts.status) where.push(eq(shopOrders.status, opts.status));
  const term = opts.q?.trim();
  if (term) {
    const like = containsPattern(term);
    where.push(or(ilike(shopOrders.buyerName, like), ilike(shopOrders.buyerEmail, like), sql`${shopOrders.number}::text = ${term.replace(/^#/, "")}`));
  }
  const page = Math.max(1, opts.page ?? 1);
  await syncPaidAtDojoOrders(db, dojoId);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(shopOrders).where(and(...where)).orderBy(desc(shopOrders.createdAt)).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE),
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
