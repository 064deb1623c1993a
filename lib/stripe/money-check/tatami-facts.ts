import { and, eq, gte, inArray, isNotNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { automaticRefunds, invoices, members, payments, refunds } from "@/db/schema";
import type { TatamiAutomaticRefundFact, TatamiPaymentFact, TatamiRefundFact } from "./compare";

/** The Stripe customers of the dojo's members. */
export async function linkedCustomersOf(db: DbOrTx, dojoId: string): Promise<Set<string>> {
  const rows = await db.select({ customerId: members.stripeCustomerId }).from(members).where(and(eq(members.dojoId, dojoId), isNotNull(members.stripeCustomerId)));
  return new Set(rows.map((r) => r.customerId!));
}

/**
 * Tatami's side: the card payments recorded in the period or for any of `paymentIntentIds`
 * (what Stripe listed), the payments of refunds booked in the period, every refund of all
 * those payments (failed ones marked), and the automatic refunds of those PaymentIntents.
 */
export async function tatamiFacts(db: DbOrTx, dojoId: string, since: Date, paymentIntentIds: string[]): Promise<{ payments: TatamiPaymentFact[]; tatamiRefunds: TatamiRefundFact[]; automaticRefunds: TatamiAutomaticRefundFact[] }> {
  const refundedInPeriod = await db
    .select({ paymentId: refunds.paymentId })
    .from(refunds)
    .where(and(eq(refunds.dojoId, dojoId), gte(refunds.createdAt, since), isNotNull(refunds.stripeRefundId)));
  const rows = await db
    .select({ id: payments.id, paymentIntentId: payments.stripePaymentIntentId, amountMinor: payments.amountMinor, currency: payments.currency, invoiceId: payments.invoiceId, invoiceNumber: invoices.number, paidAt: payments.paidAt })
    .from(payments)
    .innerJoin(invoices, eq(invoices.id, payments.invoiceId))
    .where(
      and(
        eq(payments.dojoId, dojoId),
        isNotNull(payments.stripePaymentIntentId),
        or(
          gte(payments.paidAt, since),
          paymentIntentIds.length ? inArray(payments.stripePaymentIntentId, paymentIntentIds) : undefined,
          refundedInPeriod.length ? inArray(payments.id, refundedInPeriod.map((r) => r.paymentId)) : undefined,
        ),
      ),
    );
  const piOfPayment = new Map(rows.map((r) => [r.id, r.paymentIntentId!]));
  const booked = rows.length
    ? await db
        .select({ paymentId: refunds.paymentId, stripeRefundId: refunds.stripeRefundId, amountMinor: refunds.amountMinor, currency: refunds.currency, failedAt: refunds.failedAt, createdAt: refunds.createdAt })
        .from(refunds)
        .where(and(eq(refunds.dojoId, dojoId), inArray(refunds.paymentId, [...piOfPayment.keys()]), isNotNull(refunds.stripeRefundId)))
    : [];
  const pis = [...new Set([...paymentIntentIds, ...piOfPayment.values()])];
  const automatic = await db
    .select({ paymentIntentId: automaticRefunds.stripePaymentIntentId, stripeRefundId: automaticRefunds.stripeRefundId, status: automaticRefunds.status })
    .from(automaticRefunds)
    .where(and(eq(automaticRefunds.dojoId, dojoId), or(gte(automaticRefunds.createdAt, since), pis.length ? inArray(automaticRefunds.stripePaymentIntentId, pis) : undefined)));
  return {
    automaticRefunds: automatic,
    payments: rows.map((r) => ({ paymentIntentId: r.paymentIntentId!, amountMinor: r.amountMinor, currency: r.currency, invoiceId: r.invoiceId, invoiceNumber: r.invoiceNumber, paidAt: r.paidAt })),
    tatamiRefunds: booked.map((r) => ({ stripeRefundId: r.stripeRefundId!, paymentIntentId: piOfPayment.get(r.paymentId)!, amountMinor: r.amountMinor, currency: r.currency, failed: r.failedAt !== null, createdAt: r.createdAt })),
  };
}

