import "server-only";
import { createElement } from "react";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { dojos, invoices, members, refunds, staffUsers } from "@/db/schema";
import RefundFailed from "@/emails/refund-failed";
import { env } from "@/lib/env";
import { sendMail } from "@/lib/mail/send";
import { formatMoney } from "@/lib/money";

/**
 * Mails every active owner that a refund failed (run by the job reverseFailedRefund queues).
 * Each owner's mail has its own idempotency key, so a retried job sends nobody a second one;
 * it throws when a mail could not be sent, so the job is retried.
 */
export async function sendRefundFailedMail(db: DbOrTx, refundId: string): Promise<number> {
  const [row] = await db
    .select({ refund: refunds, invoice: { id: invoices.id, number: invoices.number }, member: { firstName: members.firstName, lastName: members.lastName }, dojoName: dojos.name })
    .from(refunds)
    .innerJoin(invoices, eq(invoices.id, refunds.invoiceId))
    .innerJoin(members, eq(members.id, invoices.memberId))
    .innerJoin(dojos, eq(dojos.id, refunds.dojoId))
    .where(eq(refunds.id, refundId));
  if (!row?.refund.failedAt) return 0;
  const { refund, invoice } = row;
  const owners = await db.select({ email: staffUsers.email }).from(staffUsers).where(and(eq(staffUsers.dojoId, refund.dojoId), eq(staffUsers.role, "owner"), eq(staffUsers.active, true)));
  const amount = formatMoney(refund.amountMinor, refund.currency);
  const memberName = `${row.member.firstName} ${row.member.lastName}`;
  let sent = 0;
  for (const owner of owners) {
    const result = await sendMail({
      dojoName: row.dojoName,
      to: owner.email,
      subject: `Refund failed: ${amount} to ${memberName} (invoice ${invoice.number})`,
      react: createElement(RefundFailed, {
        dojoName: row.dojoName,
        memberName,
        amount,
        invoiceNumber: invoice.number ?? "",
        reason: refund.failureReason ?? "the bank gave no reason",
        url: `${env().APP_URL.replace(/\/$/, "")}/invoices/${invoice.id}`,
      }),
      idempotencyKey: `refund-failed-${refund.id}-${owner.email}`,
    });
    if (!result.sent) throw new Error(`The failed-refund mail to ${owner.email} was not sent: ${result.reason}`);
    sent++;
  }
  return sent;
}
