import "server-only";
import type Stripe from "stripe";
import { invoiceIdFor } from "@/lib/payments/card/metadata";
import { orderIdFor } from "@/lib/shop/metadata";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { idSchema } from "@/lib/validation/common";
import type { StripeChargeFact, StripeRefundFact } from "./compare";
import { idOf } from "@/lib/stripe/objects";

export interface Ownership {
  dojoId: string;
  /** Stripe customers linked to the dojo's members: their charges (subscriptions) are Tatami's. */
  linkedCustomers: ReadonlySet<string>;
}

/** A succeeded, captured charge as the comparison sees it; null for anything else. */
export function chargeFact(charge: Stripe.Charge, owner: Ownership): StripeChargeFact | null {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId || charge.status !== "succeeded" || !charge.captured) return null;
  const invoiceId = invoiceIdFor(charge.metadata, owner.dojoId);
  const customer = idOf(charge.customer);
  const linked = !!customer && owner.linkedCustomers.has(customer);
  return {
    paymentIntentId,
    currency: charge.currency.toUpperCase(),
    capturedMinor: charge.amount_captured,
    netMinor: charge.amount_captured - charge.amount_refunded,
    created: charge.created,
    ours: charge.metadata?.tatami_dojo_id === owner.dojoId || linked,
    identifiable: !!invoiceId || !!orderIdFor(charge.metadata, owner.dojoId) || linked,
    invoiceId: invoiceId && idSchema.safeParse(invoiceId).success ? invoiceId : null,
  };
}

export function refundFact(refund: Stripe.Refund): StripeRefundFact {
  return { id: refund.id, paymentIntentId: idOf(refund.payment_intent), amountMinor: refund.amount, currency: refund.currency, status: refund.status, created: refund.created };
}

/**
 * Stripe's side of the period: succeeded charges and all refunds created in [since, until], every
 * page (https://docs.stripe.com/api/charges/list, https://docs.stripe.com/api/refunds/list:
 * `created[gte]`/`created[lte]`, newest first, `limit` up to 100, cursor pagination).
 */
export async function stripeFactsOfPeriod(stripe: Stripe, owner: Ownership, since: number, until: number) {
  const created = { gte: since, lte: until };
  const charges: StripeChargeFact[] = [];
  for await (const charge of stripe.charges.list({ created, limit: 100 })) {
    const fact = chargeFact(charge, owner);
    if (fact) charges.push(fact);
  }
  const refunds: StripeRefundFact[] = [];
  for await (const refund of stripe.refunds.list({ created, limit: 100 })) refunds.push(refundFact(refund));
  return { charges, refunds };
}

/** One PaymentIntent's succeeded charge (for a payment recorded before the period), or null when Stripe has none. */
export async function chargeOfPaymentIntent(stripe: Stripe, paymentIntentId: string, owner: Ownership): Promise<StripeChargeFact | null> {
  try {
    const pi = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] });
    const charge = pi.latest_charge && typeof pi.latest_charge === "object" ? pi.latest_charge : null;
    const fact = charge ? chargeFact(charge, owner) : null;
    // Recorded in Tatami, so it is ours whatever its metadata says.
    return fact && { ...fact, ours: true };
  } catch (error) {
    if (isMissingInStripe(error)) return null;
    throw error;
  }
}

export async function refundById(stripe: Stripe, refundId: string): Promise<StripeRefundFact | null> {
  try {
    return refundFact(await stripe.refunds.retrieve(refundId));
  } catch (error) {
    if (isMissingInStripe(error)) return null;
    throw error;
  }
}
