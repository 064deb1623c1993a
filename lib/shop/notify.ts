import "server-only";
import { createElement } from "react";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, invoices, shopOrderLines, shopOrders, staffUsers } from "@/db/schema";
import ShopOrderConfirmation from "@/emails/shop-order-confirmation";
import ShopOrderNotification from "@/emails/shop-order-notification";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";
import { formatMoney } from "@/lib/money";

/**
 * The buyer's confirmation and the owner's notice for an order that is paid (card) or placed
 * (pay at the dojo). Safe to call more than once: the idempotency keys send each mail once.
 */
export async function sendOrderMails(db: DbOrTx, orderId: string): Promise<void> {
  const [row] = await db
    .select({ order: shopOrders, dojoName: dojos.name, invoiceNumber: invoices.number })
    .from(shopOrders)
    .innerJoin(dojos, eq(dojos.id, shopOrders.dojoId))
    .leftJoin(invoices, eq(invoices.id, shopOrders.invoiceId))
    .where(eq(shopOrders.id, orderId));
  if (!row) return;
  const { order, dojoName } = row;
  const lines = await db.select().from(shopOrderLines).where(eq(shopOrderLines.orderId, order.id)).orderBy(asc(shopOrderLines.position));
  const total = formatMoney(order.totalMinor, order.currency);
  const paid = order.payment === "card";
  await sendMail({
    dojoName,
    to: order.buyerEmail,
    subject: paid ? `Order #${order.number} paid: ${total}` : `Order #${order.number} received`,
    react: createElement(ShopOrderConfirmation, {
      dojoName,
      buyerName: order.buyerName,
      orderNumber: order.number,
      lines: lines.map((l) => ({ name: l.name, quantity: l.quantity, amount: formatMoney(l.unitPriceMinor * l.quantity, order.currency) })),
      total,
      payment: order.payment,
      invoiceNumber: row.invoiceNumber,
    }),
    idempotencyKey: `shop-order-confirmation-${order.id}`,
  });
  const owners = await db.select({ email: staffUsers.email }).from(staffUsers).where(and(eq(staffUsers.dojoId, order.dojoId), eq(staffUsers.role, "owner"), eq(staffUsers.active, true)));
  for (const owner of owners) {
    await sendMail({
      dojoName,
      to: owner.email,
      subject: `New webshop order #${order.number} (${total})`,
      react: createElement(ShopOrderNotification, { dojoName, orderNumber: order.number, buyer: order.buyerName, total, paid, url: `${env().APP_URL.replace(/\/$/, "")}/webshop/orders/${order.id}` }),
      idempotencyKey: `shop-order-notification-${order.id}-${owner.email}`,
    });
  }
}
