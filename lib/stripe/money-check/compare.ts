import type { MoneyDifference, SettleAction } from "./types";

// Plain facts on both sides, so the comparison is a pure function (compare.test.ts).

export interface StripeChargeFact {
  paymentIntentId: string;
  currency: string;
  /** Captured less refunded (succeeded and pending refunds), as the charge says. */
  netMinor: number;
  capturedMinor: number;
  created: number;
  /** The charge names a Tatami invoice or webshop order of this dojo, or a member's customer. */
  ours: boolean;
  /** Tatami can tell what it pays for (invoice or order metadata, or a subscription's customer). */
  identifiable: boolean;
  /** The invoice its metadata names, if any. */
  invoiceId: string | null;
}

export interface StripeRefundFact {
  id: string;
  paymentIntentId: string | null;
  amountMinor: number;
  currency: string;
  status: string | null;
  created: number;
}

export interface TatamiPaymentFact {
  paymentIntentId: string;
  amountMinor: number;
  currency: string;
  invoiceId: string;
  invoiceNumber: string | null;
  paidAt: Date;
}

export interface TatamiRefundFact {
  stripeRefundId: string;
  /** The PaymentIntent of the payment it refunds. */
  paymentIntentId: string;
  amountMinor: number;
  currency: string;
  failed: boolean;
  createdAt: Date;
}

/** Money Tatami gives back by itself (settleStripePayment): never a payment, never a booked refund. */
export interface TatamiAutomaticRefundFact {
  paymentIntentId: string;
  stripeRefundId: string | null;
  status: "pending" | "refunded" | "failed";
}

export interface MoneyFacts {
  /** Stripe's succeeded charges of the period, plus those of Tatami's payments read one by one. */
  charges: StripeChargeFact[];
  /** Stripe's refunds of the period, plus those Tatami booked read one by one. */
  refunds: StripeRefundFact[];
  /** Tatami's card payments of the period and of every PaymentIntent above. */
  payments: TatamiPaymentFact[];
  /** Every refund Tatami booked for those payments, failed ones too. */
  tatamiRefunds: TatamiRefundFact[];
  /** Tatami's automatic refunds of those PaymentIntents. */
  automaticRefunds: TatamiAutomaticRefundFact[];
}

const BOOKED = new Set(["succeeded", "pending"]);
const iso = (unix: number) => new Date(unix * 1000).toISOString();

function groupBy<T>(items: T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k) out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}

/**
 * Lists where Stripe and Tatami disagree. Per PaymentIntent the question is invariant 9's: does
 * Stripe's captured − refunded equal Tatami's payment − refunds? When it does, nothing is listed
 * (however the money was split); when it does not, the refunds that explain the gap are listed,
 * and whatever they do not explain as differing amounts. Charges that are not Tatami's (another
 * system on the same account) are left out; a charge refunded in full and never recorded agrees.
 * An automatic refund is neither: the payment recorded only what the invoice took, so the refund
 * of the rest explains no gap; while one is still being made, its PaymentIntent is not judged
 * (offering "refund it" then would give the money back twice).
 */
export function compareMoney(facts: MoneyFacts): MoneyDifference[] {
  const out: MoneyDifference[] = [];
  const paymentByPi = new Map(facts.payments.map((p) => [p.paymentIntentId, p]));
  const chargeByPi = new Map(facts.charges.map((c) => [c.paymentIntentId, c]));
  const stripeRefundsByPi = groupBy(facts.refunds, (r) => r.paymentIntentId);
  const tatamiRefundsByPi = groupBy(facts.tatamiRefunds, (r) => r.paymentIntentId);
  const refundingNow = new Set(facts.automaticRefunds.filter((a) => a.status === "pending").map((a) => a.paymentIntentId));
  const automaticRefundIds = new Set(facts.automaticRefunds.flatMap((a) => (a.stripeRefundId && a.status === "refunded" ? [a.stripeRefundId] : [])));

  for (const charge of facts.charges) {
    if (paymentByPi.has(charge.paymentIntentId) || !charge.ours || charge.netMinor <= 0 || refundingNow.has(charge.paymentIntentId)) continue;
    const actions: SettleAction[] = charge.identifiable ? ["record", "refund"] : ["refund"];
    out.push({ kind: "charge_not_recorded", stripeId: charge.paymentIntentId, currency: charge.currency, stripeMinor: charge.netMinor, tatamiMinor: null, invoiceId: charge.invoiceId, invoiceNumber: null, at: iso(charge.created), actions });
  }

  for (const payment of facts.payments) {
    if (refundingNow.has(payment.paymentIntentId)) continue;
    const charge = chargeByPi.get(payment.paymentIntentId);
    const on = { invoiceId: payment.invoiceId, invoiceNumber: payment.invoiceNumber };
    if (!charge) {
      out.push({ kind: "charge_not_at_stripe", stripeId: payment.paymentIntentId, currency: payment.currency, stripeMinor: null, tatamiMinor: payment.amountMinor, ...on, at: payment.paidAt.toISOString(), actions: [] });
      continue;
    }
    const booked = tatamiRefundsByPi.get(payment.paymentIntentId) ?? [];
    const active = booked.filter((r) => !r.failed);
    const tatamiNet = payment.amountMinor - active.reduce((sum, r) => sum + r.amountMinor, 0);
    if (tatamiNet === charge.netMinor && payment.currency === charge.currency) continue;

    // How much of the gap (Tatami − Stripe) the refunds explain.
    let explained = 0;
    const bookedById = new Map(booked.map((r) => [r.stripeRefundId, r]));
    const atStripe = (stripeRefundsByPi.get(payment.paymentIntentId) ?? []).filter((r) => BOOKED.has(r.status ?? "") && !automaticRefundIds.has(r.id));
    const atStripeIds = new Set(atStripe.map((r) => r.id));
    for (const refund of atStripe) {
      const mine = bookedById.get(refund.id);
      const currency = refund.currency.toUpperCase();
      if (!mine || mine.failed) {
        // Booked back as failed while Stripe says it went out: nothing in Tatami redoes it.
        out.push({ kind: "refund_not_recorded", stripeId: refund.id, currency, stripeMinor: refund.amountMinor, tatamiMinor: null, ...on, at: iso(refund.created), actions: mine ? [] : ["record"] });
        explained += refund.amountMinor;
      } else if (mine.amountMinor !== refund.amountMinor) {
        out.push({ kind: "amount_differs", stripeId: refund.id, currency, stripeMinor: refund.amountMinor, tatamiMinor: mine.amountMinor, ...on, at: iso(refund.created), actions: [] });
        explained += refund.amountMinor - mine.amountMinor;
      }
    }
    for (const mine of active) {
      if (atStripeIds.has(mine.stripeRefundId)) continue;
      const refund = facts.refunds.find((r) => r.id === mine.stripeRefundId);
      // Failed or canceled at Stripe: recording it books the failure.
      out.push({ kind: "refund_not_at_stripe", stripeId: mine.stripeRefundId, currency: mine.currency, stripeMinor: null, tatamiMinor: mine.amountMinor, ...on, at: mine.createdAt.toISOString(), actions: refund ? ["record"] : [] });
      explained -= mine.amountMinor;
    }
    if (tatamiNet - charge.netMinor !== explained || payment.currency !== charge.currency) {
      out.push({ kind: "amount_differs", stripeId: payment.paymentIntentId, currency: charge.currency, stripeMinor: charge.netMinor, tatamiMinor: tatamiNet, ...on, at: iso(charge.created), actions: [] });
    }
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}
