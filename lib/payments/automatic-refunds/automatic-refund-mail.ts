import "server-only";
import { createElement } from "react";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { automaticRefunds, dojos, invoices, members, shopOrders } from "@/db/schema";
import AutomaticRefund from "@/emails/automatic-refund";
import { formatDate } from "@/lib/dates";
import { sendMail, type MailResult } from "@/lib/mail/send";
import { formatMoney } from "@/lib/money";
import { automaticRefundWhy } from "./describe-automatic-refund";

/**
 * Tells the payer that a payment went back: the member the invoice is for, or the shop buyer.
 * One mail per automatic refund (its idempotency key). This is the one place this mail is made,
 * so moving it onto the durable mail queue changes only this function.
 */
export async function sendAutomaticRefundMail(db: DbOrTx, automaticRefundId: string): Promise<MailResult> {
  const [row] = await db
    .select({
      refund: automaticRefunds,
      dojoName: dojos.name,
      invoiceNumber: invoices.number,
      member: { firstName: members.firstName, lastName: members.lastName, email: members.email },
      order: { number: shopOrders.number, buyerName: shopOrders.buyerName, buyerEmail: shopOrders.buyerEmail },
    })
    .from(automaticRefunds)
    .innerJoin(dojos, eq(dojos.id, automaticRefunds.dojoId))
    .leftJoin(invoices, eq(invoices.id, automaticRefunds.invoiceId))
    .leftJoin(members, eq(members.id, invoices.memberId))
    .leftJoin(shopOrders, eq(shopOrders.id, automaticRefunds.orderId))
    .where(eq(automaticRefunds.id, automaticRefundId));
  if (!row || row.refund.status !== "refunded") return { sent: false, reason: "not refunded" };
  const to = row.order?.buyerEmail ?? row.member?.email;
  if (!to) return { sent: false, reason: "the payer has no e-mail address" };
  const payerName = row.order?.buyerName ?? (row.member ? `${row.member.firstName} ${row.member.lastName}` : "");
  const paidFor = row.order ? `order #${row.order.number}` : `invoice ${row.invoiceNumber ?? ""}`.trim();
  const amount = formatMoney(row.refund.amountMinor, row.refund.currency);
  return sendMail({
    dojoName: row.dojoName,
    to,
    subject: `Refund: ${amount} for ${paidFor}`,
    react: createElement(AutomaticRefund, { dojoName: row.dojoName, payerName, paidFor, amount, refundedOn: formatDate(row.refund.refundedAt ?? new Date()), why: automaticRefundWhy(row.refund.reason) }),
    idempotencyKey: `automatic-refund-${row.refund.id}`,
  });
}
