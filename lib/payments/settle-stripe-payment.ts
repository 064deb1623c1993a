import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { automaticRefunds, payments, type AutomaticRefund, type AutomaticRefundReason, type Invoice, type Payment } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import type { AfterCommit } from "@/lib/after-commit";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { paymentFromIntent } from "@/lib/stripe/objects";
import { recordAutomaticRefund } from "./automatic-refunds/record-automatic-refund";
import { closeCheckout } from "./card/end-checkouts";
import { recordPayment } from "./record-payment";

export interface StripePaymentToSettle {
  dojoId: string;
  invoiceId: string;
  /** Succeeded, just read from Stripe (ideally with latest_charge expanded). */
  paymentIntent: Stripe.PaymentIntent;
  /** When the money was taken; defaults to the charge's own time (paymentFromIntent). */
  paidAt?: Date;
  recordedBy?: string | null;
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
  if (invoice.status === "void") return refundAll("void");
  if (invoice.status === "draft") return refundAll("not_payable");
  if (currency.toUpperCase() !== invoice.currency) return refundAll("currency");
  const openMinor = invoice.totalMinor - invoice.paidMinor;
  if (invoice.status === "paid" || openMinor <= 0) return refundAll("already_paid");
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
  // The lock first: a concurrent path for the same PaymentIntent waits here, then finds its rows.
  const invoice = await lockInvoice(tx, input.dojoId, input.invoiceId);
  const [payment] = await tx.select().from(payments).where(eq(payments.stripePaymentIntentId, pi.id));
  const [refund] = await tx.select().from(automaticRefunds).where(eq(automaticRefunds.stripePaymentIntentId, pi.id));
  if (payment) {
    if (payment.dojoId !== input.dojoId || payment.invoiceId !== invoice.id) throw new ActionError("This card payment was already recorded for another invoice.");
    return { invoice, payment, recorded: false, automaticRefund: refund ?? null };
  }
  if (refund) return { invoice, payment: null, recorded: false, automaticRefund: refund };

  // The session that took this payment cannot be paid again: nothing to expire for it.
  await closeCheckout(tx, input.dojoId, pi.metadata?.tatami_checkout_id);
  const taken = paymentFromIntent(pi);
  const { currency } = taken;
  const { recordMinor, refundReason } = splitPayment(invoice, taken.amountMinor, currency);
  let settled: StripeSettlement = { invoice, payment: null, recorded: false, automaticRefund: null };
  if (recordMinor > 0) {
    const result = await recordPayment(
      tx,
      {
        dojoId: input.dojoId,
        invoiceId: invoice.id,
        method: "card",
        amountMinor: recordMinor,
        currency,
        paidAt: input.paidAt ?? taken.paidAt,
        stripePaymentIntentId: taken.stripePaymentIntentId,
        stripeChargeId: taken.stripeChargeId,
        recordedBy: input.recordedBy ?? null,
      },
      { afterCommit },
    );
    settled = { invoice: result.invoice, payment: result.payment, recorded: result.created, automaticRefund: null };
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
