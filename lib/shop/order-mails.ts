import "server-only";
import { translator } from "@/lib/i18n/messages";
import { isLocale, moneyLocale, resolveLocale } from "@/lib/i18n/locales";
import { staffMailLocale } from "@/lib/i18n/staff-mail-locale";
import { createElement } from "react";
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { dojos, invoices, members, shopOrderLines, shopOrders, staffUsers, type ShopOrder } from "@/db/schema";
import ShopOrderConfirmation from "@/emails/shop-order-confirmation";
import ShopOrderNotification from "@/emails/shop-order-notification";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { defineMail } from "@/lib/mail/mail-kind";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

async function orderNow(db: Db, orderId: string) {
  const [row] = await db
    .select({ order: shopOrders, dojoName: dojos.name, timeZone: dojos.timeZone, defaultLanguage: dojos.defaultLanguage, memberLanguage: members.language, invoiceNumber: invoices.number })
    .from(shopOrders)
    .innerJoin(dojos, eq(dojos.id, shopOrders.dojoId))
    .leftJoin(invoices, eq(invoices.id, shopOrders.invoiceId))
    // An order placed before the shop had languages: its member's language, else the dojo's.
    .leftJoin(members, and(eq(members.id, shopOrders.memberId), eq(members.dojoId, shopOrders.dojoId)))
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
    // The language the buyer ordered in.
    const locale = isLocale(order.language) ? order.language : resolveLocale(row.memberLanguage, row.defaultLanguage);
    const t = translator(locale, "emails.orderConfirmation");
    const total = formatMoney(order.totalMinor, order.currency, moneyLocale(locale));
    return {
      dojoName,
      to: order.buyerEmail,
      subject: order.payment === "card" ? t("subjectPaid", { number: order.number, total }) : t("subject", { number: order.number }),
      react: createElement(ShopOrderConfirmation, {
        locale,
        text: translator(locale, "emails"),
        dojoName,
        buyerName: order.buyerName,
        orderNumber: order.number,
        lines: lines.map((l) => ({ name: l.name, quantity: l.quantity, amount: formatMoney(l.unitPriceMinor * l.quantity, order.currency, moneyLocale(locale)) })),
        total,
        payment: order.payment,
        invoiceNumber: row.invoiceNumber,
        heldUntil: order.payment === "at_dojo" && !order.confirmedAt && order.reservedUntil ? formatDate(order.reservedUntil, row.timeZone, locale) : null,
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
    const locale = staffMailLocale(row.defaultLanguage);
    const total = formatMoney(order.totalMinor, order.currency, moneyLocale(locale));
    return {
      dojoName,
      to: owner.email,
      subject: translator(locale, "emails.orderNotification")("subject", { number: order.number, total }),
      react: createElement(ShopOrderNotification, {
        locale,
        text: translator(locale, "emails"),
        dojoName,
        orderNumber: order.number,
        buyer: order.buyerName,
        total,
        paid: order.payment === "card",
        url: `${env().APP_URL.replace(/\/$/, "")}/webshop/orders/${order.id}`,
      }),
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
