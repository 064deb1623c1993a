import type Stripe from "stripe";
import type { Tx } from "@/db/client";
import type { Invoice } from "@/db/schema";
import type { AfterCommit } from "@/lib/after-commit";
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
export function settleCardEvent(dojoId: string, pi: Stripe.PaymentIntent, opts: { paidAt?: Date } = {}): EventEffects {
  const settle = async (tx: Tx, afterCommit: AfterCommit, locked?: Invoice) => {
    // Settled here or by another path first.
    const { settlement } = await settleCardPaymentFromEvent(tx, dojoId, pi, { afterCommit, paidAt: opts.paidAt, locked });
    return settlement ? ("processed" as const) : ("ignored" as const);
  };
  const invoiceId = invoiceIdFor(pi.metadata, dojoId);
  // Nothing to lock: settleCardPaymentFromEvent finds nothing to settle (and says so).
  if (pi.status !== "succeeded" || !invoiceId) return (tx, afterCommit) => settle(tx, afterCommit);
  return { locks: { dojoId, invoiceId }, apply: async (tx, afterCommit, invoice) => (invoice ? settle(tx, afterCommit, invoice) : "ignored") };
}
