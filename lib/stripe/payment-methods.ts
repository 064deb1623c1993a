/**
 * The payment methods a dojo may offer in Stripe Checkout besides cards. Each is EUR-only
 * (https://docs.stripe.com/payments/sepa-debit, /payments/ideal, /payments/bancontact:
 * "Presentment currencies: EUR"). SEPA Direct Debit is a delayed-notification method: its
 * Checkout Session completes with payment_status "unpaid" and the money arrives (or not) days
 * later (https://docs.stripe.com/checkout/fulfillment#delayed-notification); iDEAL and Bancontact
 * confirm at once, like a card.
 */
export const PAYMENT_METHODS = ["card", "sepa_debit", "ideal", "bancontact"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: "Card",
  sepa_debit: "SEPA Direct Debit",
  ideal: "iDEAL",
  bancontact: "Bancontact",
};

const EUR_ONLY: ReadonlySet<PaymentMethod> = new Set(["sepa_debit", "ideal", "bancontact"]);
const DELAYED: ReadonlySet<string> = new Set(["sepa_debit"]);

/** Short words for a delayed method on an invoice: "payment pending (SEPA)". */
export const DELAYED_METHOD_SHORT: Record<string, string> = { sepa_debit: "SEPA" };

export const isDelayedMethod = (type: string | null | undefined) => !!type && DELAYED.has(type);

/** What a dojo in this currency can turn on (card first, always). */
export function offeredMethods(currency: string): PaymentMethod[] {
  return PAYMENT_METHODS.filter((m) => !EUR_ONLY.has(m) || currency.toLowerCase() === "eur");
}

/** The stored choice, cleaned: card always, nothing the currency does not allow, in a fixed order. */
export function enabledMethods(stored: readonly string[] | null | undefined, currency: string): PaymentMethod[] {
  const chosen = new Set(stored ?? []);
  return offeredMethods(currency).filter((m) => m === "card" || chosen.has(m));
}

/**
 * `allowed_payment_method_types` for a Checkout Session of this dojo (the parameter that replaced
 * `payment_method_types` in the pinned API version). Payment mode takes every enabled method.
 * Setup mode (card links, "Add card now", "Replace card") saves what later payments are charged
 * to: a card, or — when the dojo takes SEPA Direct Debit (EUR) — a bank account with its mandate
 * (https://docs.stripe.com/payments/sepa-debit/set-up-payment?payment-ui=checkout). iDEAL and
 * Bancontact pay once; they are not offered there.
 */
export function checkoutMethods(connection: { paymentMethods?: readonly string[] | null; currency: string }, mode: "payment" | "setup"): PaymentMethod[] {
  const enabled = enabledMethods(connection.paymentMethods, connection.currency);
  return mode === "setup" ? enabled.filter((m) => m === "card" || m === "sepa_debit") : enabled;
}
