import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { refunds, staffUsers } from "@/db/schema";

/** An invoice's refunds, oldest first, with who made them (null: made in the Stripe dashboard); failed ones too (failedAt). */
export async function refundsOfInvoice(db: DbOrTx, dojoId: string, invoiceId: string) {
  return db
    .select({
      id: refunds.id,
      paymentId: refunds.paymentId,
      amountMinor: refunds.amountMinor,
      currency: refunds.currency,
      reason: refunds.reason,
      stripeRefundId: refunds.stripeRefundId,
      failedAt: refunds.failedAt,
      failureReason: refunds.failureReason,
      createdAt: refunds.createdAt,
      createdByName: staffUsers.name,
    })
    .from(refunds)
    .leftJoin(staffUsers, eq(staffUsers.id, refunds.createdBy))
    .where(and(eq(refunds.dojoId, dojoId), eq(refunds.invoiceId, invoiceId)))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
}

export type InvoiceRefund = Awaited<ReturnType<typeof refundsOfInvoice>>[number];
