import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import type { Invoice } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import type { AfterCommit } from "@/lib/after-commit";
import { settleStripePayment, type StripeSettlement } from "@/lib/payments/settle-stripe-payment";
import { invoiceIdFor } from "./metadata";
import { paymentReceiptJob } from "./receipt-mail";

interface SettleOptions {
  afterCommit?: AfterCommit;
  paidAt?: Date;
  /** The invoice the metadata names, already read under its lock in this transaction (settleStripePayment's `locked`). */
  locked?: Invoice;
}

export interface SettledCardPayment {
  invoiceId: string | null;
  /** Null when the PaymentIntent has not succeeded or is not a payment for an invoice of this dojo. */
  settlement: StripeSettlement | null;
}

/**
 * Settles a PaymentIntent for the invoice named in its metadata, once: the browser confirmation,
 * the saved-card charge and both webhooks call this, whichever comes first decides and the others
 * find its decision (settleStripePayment locks the invoice and is unique per PaymentIntent). Only
 * Stripe's word counts: the caller passes a PaymentIntent it has just read from Stripe (ideally
 * with `latest_charge` expanded) or a succeeded one from a signed event, which is final. The receipt of a payment it records is queued in the same
 * transaction, so it goes out exactly when the payment is committed.
 */
export async function settleCardPayment(tx: Tx, dojoId: string, pi: Stripe.PaymentIntent, opts: SettleOptions & { recordedBy?: string | null } = {}): Promise<SettledCardPayment> {
  const invoiceId = invoiceIdFor(pi.metadata, dojoId);
  if (pi.status !== "succeeded" || !invoiceId) return { invoiceId, settlement: null };
  // The receipt of a payment recorded here is queued in the statement that records it.
  const receipt = (paymentId: string) => [paymentReceiptJob({ id: paymentId, dojoId }, pi)];
  const settlement = await settleStripePayment(tx, { dojoId, invoiceId, paymentIntent: pi, recordedBy: opts.recordedBy ?? null, paidAt: opts.paidAt, jobs: receipt, locked: opts.locked }, opts.afterCommit);
  return { invoiceId, settlement };
}

/**
 * The webhook side: a PaymentIntent whose metadata names an invoice this dojo does not have
 * (deleted test data, or crafted in the dojo's own Stripe account) is not ours to settle.
 * Answering with an error would only make Stripe retry it for days.
 */
export async function settleCardPaymentFromEvent(tx: Tx, dojoId: string, pi: Stripe.PaymentIntent, opts: SettleOptions = {}): Promise<SettledCardPayment> {
  try {
    return await settleCardPayment(tx, dojoId, pi, opts);
  } catch (error) {
    if (error instanceof NotFoundError) return { invoiceId: null, settlement: null };
    throw error;
  }
}
