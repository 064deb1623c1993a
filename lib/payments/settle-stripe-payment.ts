import { eq, sql, type SQL } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { automaticRefunds, payments, type AutomaticRefund, type AutomaticRefundReason, type Invoice, type Payment } from "@/db/schema";
import { refused } from "@/lib/errors";
import type { AfterCommit } from "@/lib/after-commit";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { whyNotPayable } from "@/lib/invoices/payable";
import { paymentFromIntent } from "@/lib/stripe/objects";
import { recordAutomaticRefund } from "./automatic-refunds/record-automatic-refund";
import { closeCheckout } from "./card/end-checkouts";
import { storePayment, storePaymentIf, type RecordPaymentInput } from "./record-payment";
import type { NewJob } from "@/lib/jobs/queue";

export interface StripePaymentToSettle {
  dojoId: string;
  invoiceId: string;
  /** Succeeded, just read from Stripe (ideally with latest_charge expanded). */
  paymentIntent: Stripe.PaymentIntent;
  /** When the money was taken; defaults to the charge's own time (paymentFromIntent). */
  paidAt?: Date;
  recordedBy?: string | null;
  /** Jobs that go with a payment this call records (its receipt), queued in the payment's statement. */
  jobs?: (paymentId: string) => NewJob[];
  /** The invoice's row, read under its lock in this transaction already (the webhook's claim took it): not locked again. */
  locked?: Invoice;
}

export interface StripeSettlement {
  invoice: Invoice;
  /** The payment recorded for this PaymentIntent (now or earlier); null when all of it went back. */
  payment: Payment | null;
  /** True when this call recorded the payment. */
  recorded: boolean;
  /** What of it goes (or went) back automatically, if anything. */
  automaticRefund: AutomaticRefund | null;
}

/**
 * What of a payment the invoice can take, and why the rest goes back. Only an issued, open invoice
 * in the payment's currency takes money, and never more than is still open.
 */
export function splitPayment(invoice: Pick<Invoice, "status" | "currency" | "totalMinor" | "paidMinor">, amountMinor: number, currency: string): { recordMinor: number; refundReason: AutomaticRefundReason | null } {
  const refundAll = (refundReason: AutomaticRefundReason) => ({ recordMinor: 0, refundReason });
  // The payability rule of every payment path (whyNotPayable), with the currency checked after
  // "void" and "not issued" and before "already paid", each with its own reason on the refund.
  const notPayable = whyNotPayable(invoice);
  if (notPayable === "void") return refundAll("void");
  if (notPayable === "draft") return refundAll("not_payable");
  if (currency.toUpperCase() !== invoice.currency) return refundAll("currency");
  if (notPayable === "paid") return refundAll("already_paid");
  const openMinor = invoice.totalMinor - invoice.paidMinor;
  if (amountMinor > openMinor) return { recordMinor: openMinor, refundReason: "overpaid" };
  return { recordMinor: amountMinor, refundReason: null };
}

/**
 * THE rule for money Stripe took for an invoice (browser confirmation, webhooks, reconciliation,
 * saved-card charges, subscription invoices): it ends recorded against the invoice up to the open
 * amount, and whatever the invoice cannot take — all of it when the invoice is paid, void, not
 * issued or in another currency — is refunded automatically at Stripe. Never an error for Stripe
 * to retry.
 *
 * Exactly once per PaymentIntent: under the invoice's lock, the payment row or the automatic
 * refund row (both unique per PaymentIntent) of an earlier call is found and returned. The refund
 * is only decided here; Stripe is called after the commit and by a job, never while the invoice
 * is locked. Bookkeeping per invoice: Stripe captured − Stripe refunded = recorded card payments −
 * recorded refunds, since the excess is never recorded and an automatic refund is no ledger entry.
 */
export async function settleStripePayment(tx: Tx, input: StripePaymentToSettle, afterCommit?: AfterCommit): Promise<StripeSettlement> {
  const pi = input.paymentIntent;
  if (pi.status !== "succeeded") throw new Error(`PaymentIntent ${pi.id} has not succeeded (${pi.status})`);
  // The lock first: a concurrent path for the same PaymentIntent waits here, then finds its rows
  // (in a statement after the lock: one statement's snapshot would predate them).
  const invoice = input.locked ?? (await lockInvoice(tx, input.dojoId, input.invoiceId));
  if (invoice.id !== input.invoiceId || invoice.dojoId !== input.dojoId) throw new Error(`The invoice locked is not invoice ${input.invoiceId} of dojo ${input.dojoId}`);
  const taken = paymentFromIntent(pi);
  const { currency } = taken;
  const { recordMinor, refundReason } = splitPayment(invoice, taken.amountMinor, currency);
  // The session that took this payment cannot be paid again: nothing to expire for it.
  const checkoutId = pi.metadata?.tatami_checkout_id;
  const store = { afterCommit, closingCheckout: checkoutId, jobs: input.jobs };
  const toRecord = (amountMinor: number): RecordPaymentInput => ({
    dojoId: input.dojoId,
    invoiceId: invoice.id,
    method: "card",
    amountMinor,
    currency,
    paidAt: input.paidAt ?? taken.paidAt,
    stripePaymentIntentId: taken.stripePaymentIntentId,
    stripeChargeId: taken.stripeChargeId,
    recordedBy: input.recordedBy ?? null,
  });
  if (recordMinor > 0 && !refundReason) {
    // The usual case, all of it recorded: the write itself checks that no earlier call settled this
    // PaymentIntent — its snapshot, taken after the lock, sees what the look-up below would — so the
    // look-up is a round trip only when that check finds something.
    const result = await storePaymentIf(tx, invoice, toRecord(recordMinor), notSettledBefore(pi.id), store);
    if (result) return { invoice: result.invoice, payment: result.payment, recorded: true, automaticRefund: null };
  }
  const { payment, refund } = await settledBefore(tx, pi.id);
  if (payment) {
    if (payment.dojoId !== input.dojoId || payment.invoiceId !== invoice.id) throw refused("payment.recorded_for_other_invoice");
    return { invoice, payment, recorded: false, automaticRefund: refund ?? null };
  }
  if (refund) return { invoice, payment: null, recorded: false, automaticRefund: refund };

  let settled: StripeSettlement = { invoice, payment: null, recorded: false, automaticRefund: null };
  if (recordMinor > 0) {
    // Locked and looked up above: stored without doing either again (recordPayment would).
    const result = await storePayment(tx, invoice, toRecord(recordMinor), store);
    settled = { invoice: result.invoice, payment: result.payment, recorded: result.created, automaticRefund: null };
  } else {
    await closeCheckout(tx, input.dojoId, checkoutId);
  }
  const excessMinor = taken.amountMinor - recordMinor;
  if (refundReason && excessMinor > 0) {
    settled.automaticRefund = await recordAutomaticRefund(
      tx,
      { dojoId: input.dojoId, invoiceId: invoice.id, stripePaymentIntentId: pi.id, amountMinor: excessMinor, currency, reason: refundReason },
      afterCommit,
    );
  }
  return settled;
}

/** No earlier call decided anything for this PaymentIntent: settledBefore's question, as a condition of a write. */
function notSettledBefore(paymentIntentId: string): SQL {
  return sql`not exists (select 1 from ${payments} where ${payments.stripePaymentIntentId} = ${paymentIntentId}) and not exists (select 1 from ${automaticRefunds} where ${automaticRefunds.stripePaymentIntentId} = ${paymentIntentId})`;
}

/** What an earlier call decided for this PaymentIntent (both rows unique per PaymentIntent), read in one statement. */
async function settledBefore(tx: Tx, paymentIntentId: string): Promise<{ payment: Payment | null; refund: AutomaticRefund | null }> {
  const [row] = await tx
    .select({ payment: payments, refund: automaticRefunds })
    .from(sql`(values (1)) as one`)
    .leftJoin(payments, eq(payments.stripePaymentIntentId, paymentIntentId))
    .leftJoin(automaticRefunds, eq(automaticRefunds.stripePaymentIntentId, paymentIntentId));
  return { payment: row?.payment ?? null, refund: row?.refund ?? null };
}
