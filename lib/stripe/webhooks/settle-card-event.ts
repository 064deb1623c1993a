import type Stripe from "stripe";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { settleCardPaymentFromEvent } from "@/lib/payments/card/settle-card-payment";
import type { EventEffects } from "./types";

/**
 * The database half of an event that brings a PaymentIntent for one of this dojo's invoices
 * (payment_intent.succeeded, checkout.session.completed): settled once, the receipt queued with
 * the payment. Settling starts by locking the invoice the metadata names, so that lock is declared
 * (ClaimedApply) and taken by the event's claim statement — a payment's delivery is one round trip
 * shorter. An invoice the dojo does not have is not ours to settle: ignored, as lockInvoice's
 * NotFoundError is (settleCardPaymentFromEvent).
 */
export function settleCardEvent(dojoId: string, pi: Stripe.PaymentIntent, opts: { paidAt?: Date } = {}): EventEffects | "ignored" {
  const invoiceId = invoiceIdFor(pi.metadata, dojoId);
  // Not a payment of one of this dojo's invoices: nothing to settle.
  if (pi.status !== "succeeded" || !invoiceId) return "ignored";
  return {
    locks: { dojoId, invoiceId },
    apply: async (tx, afterCommit, invoice) => {
      if (!invoice) return "ignored";
      // Settled here or by another path first.
      const { settlement } = await settleCardPaymentFromEvent(tx, dojoId, pi, { afterCommit, paidAt: opts.paidAt, locked: invoice });
      return settlement ? "processed" : "ignored";
    },
  };
}
