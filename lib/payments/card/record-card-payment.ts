import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import { NotFoundError } from "@/lib/action-result";
import { recordPayment, type RecordedPayment } from "@/lib/payments/record-payment";
import { invoiceIdFor } from "./metadata";
import { queuePaymentReceipt } from "./receipt-mail";

export interface RecordedCardPayment {
  recorded: boolean;
  invoiceId: string | null;
  /** The payment (new or already there); null when the PaymentIntent is not a paid invoice of this dojo. */
  result: RecordedPayment | null;
}

const idOf = (value: string | { id: string } | null): string | null => (typeof value === "string" ? value : (value?.id ?? null));

// The charge's own time when it was expanded, so a late webhook still books the right day.
const paidAtOf = (pi: Stripe.PaymentIntent): Date => (pi.latest_charge && typeof pi.latest_charge === "object" ? new Date(pi.latest_charge.created * 1000) : new Date());

/**
 * Records a succeeded PaymentIntent for the invoice named in its metadata, once: the browser
 * confirmation and both webhooks call this, whichever comes first wins and the others find the
 * payment (recordPayment locks the invoice and is unique per PaymentIntent). The receipt is
 * queued in the same transaction, so it goes out exactly when the payment is committed. Only Stripe's word
 * counts: the caller passes a PaymentIntent it has just read from Stripe (ideally with
 * `latest_charge` expanded).
 */
export async function recordCardPayment(tx: Tx, dojoId: string, pi: Stripe.PaymentIntent, opts: { recordedBy?: string | null } = {}): Promise<RecordedCardPayment> {
  const invoiceId = invoiceIdFor(pi.metadata, dojoId);
  if (pi.status !== "succeeded" || !invoiceId) return { recorded: false, invoiceId, result: null };
  const result = await recordPayment(tx, {
    dojoId,
    invoiceId,
    method: "card",
    amountMinor: pi.amount_received,
    currency: pi.currency.toUpperCase(),
    paidAt: paidAtOf(pi),
    reference: null,
    stripePaymentIntentId: pi.id,
    stripeChargeId: idOf(pi.latest_charge),
    recordedBy: opts.recordedBy ?? null,
  });
  if (result.created) await queuePaymentReceipt(tx, result.payment, pi);
  return { recorded: result.created, invoiceId, result };
}

/**
 * The webhook side: a PaymentIntent whose metadata names an invoice this dojo does not have
 * (deleted test data, or crafted in the dojo's own Stripe account) is not ours to record.
 * Answering with an error would only make Stripe retry it for days.
 */
export async function recordCardPaymentFromEvent(tx: Tx, dojoId: string, pi: Stripe.PaymentIntent): Promise<RecordedCardPayment> {
  try {
    return await recordCardPayment(tx, dojoId, pi);
  } catch (error) {
    if (error instanceof NotFoundError) return { recorded: false, invoiceId: null, result: null };
    throw error;
  }
}
