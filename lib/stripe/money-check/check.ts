import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { invoices, stripeMoneyChecks } from "@/db/schema";
import { stripeForDojo } from "@/lib/stripe/connection";
import { compareMoney, type StripeChargeFact, type StripeRefundFact } from "./compare";
import { chargeOfPaymentIntent, refundById, stripeFactsOfPeriod, type Ownership } from "./stripe-facts";
import { linkedCustomersOf, tatamiFacts } from "./tatami-facts";
import type { MoneyCheckResult, MoneyDifference } from "./types";

export const MONEY_CHECK_DAYS = 30;

/** Fills in invoice numbers for differences that only know the invoice from Stripe's metadata. */
async function withInvoiceNumbers(db: DbOrTx, dojoId: string, differences: MoneyDifference[]): Promise<MoneyDifference[]> {
  const missing = [...new Set(differences.filter((d) => d.invoiceId && !d.invoiceNumber).map((d) => d.invoiceId!))];
  if (!missing.length) return differences;
  const rows = await db.select({ id: invoices.id, number: invoices.number }).from(invoices).where(and(eq(invoices.dojoId, dojoId), inArray(invoices.id, missing)));
  const numbers = new Map(rows.map((r) => [r.id, r.number]));
  // An id in metadata that is not this dojo's invoice is shown as none.
  return differences.map((d) => (d.invoiceId && !d.invoiceNumber ? { ...d, invoiceId: numbers.has(d.invoiceId) ? d.invoiceId : null, invoiceNumber: numbers.get(d.invoiceId) ?? null } : d));
}

/**
 * The dojo's money check: Stripe's succeeded charges and refunds of the last `days` against the
 * payments and refunds Tatami recorded since the dojo connected this Stripe account (compare.ts
 * says how). A payment or refund Tatami has but
 * Stripe did not list for the period is read from Stripe one by one before it is called missing,
 * so the edges of the period raise nothing. The result replaces the dojo's stored one; when
 * Stripe cannot be asked, the error is stored next to the last good differences and thrown.
 */
export async function runMoneyCheck(db: Db, dojoId: string, opts: { days?: number; now?: Date } = {}): Promise<MoneyCheckResult> {
  const periodEnd = opts.now ?? new Date();
  const periodStart = new Date(periodEnd.getTime() - (opts.days ?? MONEY_CHECK_DAYS) * 86_400_000);
  try {
    const { stripe, connection } = await stripeForDojo(db, dojoId);
    const owner: Ownership = { dojoId, linkedCustomers: await linkedCustomersOf(db, dojoId) };
    const listed = await stripeFactsOfPeriod(stripe, owner, Math.floor(periodStart.getTime() / 1000), Math.ceil(periodEnd.getTime() / 1000));
    const paymentIntentIds = [...new Set([...listed.charges.map((c) => c.paymentIntentId), ...listed.refunds.flatMap((r) => (r.paymentIntentId ? [r.paymentIntentId] : []))])];
    // Payments recorded before this connection may be another Stripe account's (keys replaced
    // with another account's): only those Stripe itself names are compared.
    const tatamiSince = connection.connectedAt > periodStart ? connection.connectedAt : periodStart;
    const tatami = await tatamiFacts(db, dojoId, tatamiSince, paymentIntentIds);

    const charges: StripeChargeFact[] = [...listed.charges];
    const known = new Set(charges.map((c) => c.paymentIntentId));
    for (const payment of tatami.payments) {
      if (known.has(payment.paymentIntentId)) continue;
      const charge = await chargeOfPaymentIntent(stripe, payment.paymentIntentId, owner);
      if (charge) charges.push(charge);
      known.add(payment.paymentIntentId);
    }
    const refunds: StripeRefundFact[] = [...listed.refunds];
    const listedRefunds = new Set(refunds.map((r) => r.id));
    for (const booked of tatami.tatamiRefunds) {
      if (listedRefunds.has(booked.stripeRefundId)) continue;
      const refund = await refundById(stripe, booked.stripeRefundId);
      if (refund) refunds.push(refund);
      listedRefunds.add(booked.stripeRefundId);
    }

    const differences = await withInvoiceNumbers(db, dojoId, compareMoney({ charges, refunds, ...tatami }));
    const result: MoneyCheckResult = { checkedAt: new Date(), periodStart, periodEnd, chargesChecked: charges.filter((c) => c.ours).length, refundsChecked: refunds.length, differences, error: null };
    const values = { ...result, differences: result.differences as unknown[] };
    await db.insert(stripeMoneyChecks).values({ dojoId, ...values }).onConflictDoUpdate({ target: stripeMoneyChecks.dojoId, set: values });
    return result;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db
      .insert(stripeMoneyChecks)
      .values({ dojoId, checkedAt: new Date(), periodStart, periodEnd, differences: [], error: message })
      .onConflictDoUpdate({ target: stripeMoneyChecks.dojoId, set: { checkedAt: new Date(), error: message } });
    throw error;
  }
}

/** The stored result, for the Stripe settings page and the dashboard (no Stripe call); null before the first check. */
export async function latestMoneyCheck(db: DbOrTx, dojoId: string): Promise<MoneyCheckResult | null> {
  const [row] = await db.select().from(stripeMoneyChecks).where(eq(stripeMoneyChecks.dojoId, dojoId));
  if (!row) return null;
  return { ...row, differences: row.differences as MoneyDifference[] };
}

/** For reconciliation: the check's failure is stored on its result and must not fail the event run. Null when it failed. */
export async function runMoneyCheckQuietly(db: Db, dojoId: string): Promise<number | null> {
  try {
    return (await runMoneyCheck(db, dojoId)).differences.length;
  } catch (error) {
    console.error(`The money check of dojo ${dojoId} failed`, error);
    return null;
  }
}
