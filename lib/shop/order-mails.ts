import "server-only";
import { createElement } from "react";
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { dojos, invoices, shopOrderLines, shopOrders, staffUsers, type ShopOrder } from "@/db/schema";
import ShopOrderConfirmation from "@/emails/shop-order-confirmation";
import ShopOrderNotification from "@/emails/shop-order-notification";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

async function orderNow(db: Db, orderId: string) {
  const [row] = await db
    .select({ order: shopOrders, dojoName: dojos.name, timeZone: dojos.timeZone, invoiceNumber: invoices.number })
    .from(shopOrders)
    .innerJoin(dojos, eq(dojos.id, shopOrders.dojoId))
    .leftJoin(invoices, eq(invoices.id, shopOrders.invoiceId))
    .where(eq(shopOrders.id, orderId));
  return row ?? null;
}

/** The buyer's confirmation: "paid" for a card order, "received" for one paid at the dojo. */
export const orderConfirmationMail = defineMail<{ orderId: string }>({
  name: "shop-order-confirmation",
  label: "Webshop order confirmation",
  async compose(db, { orderId }) {
    const row = await orderNow(db, orderId);
    if (!row) return { skip: "the order no longer exists" };
    const { order, dojoName } = row;
    if (order.status === "cancelled") return { skip: "the order was cancelled meanwhile" };
    const lines = await db.select().from(shopOrderLines).where(eq(shopOrderLines.orderId, order.id)).orderBy(asc(shopOrderLines.position));
    const total = formatMoney(order.totalMinor, order.currency);
    return {
      dojoName,
      to: order.buyerEmail,
      subject: order.payment === "card" ? `Order #${order.number} paid: ${total}` : `Order #${order.number} received`,
      react: createElement(ShopOrderConfirmation, {
        dojoName,
        buyerName: order.buyerName,
        orderNumber: order.number,
        lines: lines.map((l) => ({ name: l.name, quantity: l.quantity, amount: formatMoney(l.unitPriceMinor * l.quantity, order.currency) })),
        total,
        payment: order.payment,
        invoiceNumber: row.invoiceNumber,
        heldUntil: order.payment === "at_dojo" && !order.confirmedAt && order.reservedUntil ? formatDate(order.reservedUntil, row.timeZone) : null,
      }),
    };
  },
});

/** The notice to one owner of the dojo (each active owner gets their own). */
export const orderNotificationMail = defineMail<{ orderId: string; staffId: string }>({
  name: "shop-order-notification",
  label: "Webshop order notice",
  async compose(db, { orderId, staffId }) {
    const row = await orderNow(db, orderId);
    if (!row) return { skip: "the order no longer exists" };
    const { order, dojoName } = row;
    const [owner] = await db.select({ email: staffUsers.email, active: staffUsers.active }).from(staffUsers).where(and(eq(staffUsers.id, staffId), eq(staffUsers.dojoId, order.dojoId)));
    if (!owner?.active) return { skip: "the owner is no longer active" };
    const total = formatMoney(order.totalMinor, order.currency);
    return {
      dojoName,
      to: owner.email,
      subject: `New webshop order #${order.number} (${total})`,
      react: createElement(ShopOrderNotification, { dojoName, orderNumber: order.number, buyer: order.buyerName, total, paid: order.payment === "card", url: `${env().APP_URL.replace(/\/$/, "")}/webshop/orders/${order.id}` }),
    };
  },
});

/**
 * The buyer's confirmation and each owner's notice, queued in the transaction that placed the
 * order (paying at the dojo) or recorded its card payment: once per order, sent once committed.
 * `buyer: false` leaves out the buyer's mail (their address was mailed moments ago: order-limits.ts).
 */
export async function queueOrderMails(tx: DbOrTx, order: Pick<ShopOrder, "id" | "dojoId">, opts: { buyer: boolean } = { buyer: true }): Promise<void> {
  if (opts.buyer) await enqueueMail(tx, orderConfirmationMail, { dojoId: order.dojoId, cause: order.id, params: { orderId: order.id } });
  const owners = await tx.select({ id: staffUsers.id }).from(staffUsers).where(and(eq(staffUsers.dojoId, order.dojoId), eq(staffUsers.role, "owner"), eq(staffUsers.active, true)));
  for (const owner of owners) await enqueueMail(tx, orderNotificationMail, { dojoId: order.dojoId, cause: `${order.id}:${owner.id}`, params: { orderId: order.id, staffId: owner.id } });
}
