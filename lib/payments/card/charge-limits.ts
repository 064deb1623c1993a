import { refused } from "@/lib/errors";

/**
 * Stripe's minimum charge per currency, in minor units, from
 * https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts. Stripe applies the
 * minimum of the account's settlement currency; a dojo's Stripe account is taken to settle in
 * the currency it charges in. Currencies Stripe lists no minimum for need one minor unit.
 */
const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  USD: 50,
  AED: 200,
  AUD: 50,
  BRL: 50,
  CAD: 50,
  CHF: 50,
  CZK: 1500,
  DKK: 250,
  EUR: 50,
  GBP: 30,
  HKD: 400,
  HUF: 17500,
  INR: 50,
  JPY: 50,
  MXN: 1000,
  MYR: 200,
  NOK: 300,
  NZD: 50,
  PLN: 200,
  RON: 200,
  SEK: 300,
  SGD: 50,
  THB: 1000,
};

/** The largest card charge: 8 digits, more for a few currencies (same page). */
const MAXIMUM_CHARGE: Readonly<Record<string, number>> = { IDR: 999_999_999_999, INR: 999_999_999, LBP: 99_999_999_999_999, COP: 9_999_999_999_999, HUF: 9_999_999_999_999, JPY: 9_999_999_999_999 };

export function stripeChargeLimits(currency: string): { min: number; max: number } {
  const c = currency.toUpperCase();
  return { min: MINIMUM_CHARGE[c] ?? 1, max: MAXIMUM_CHARGE[c] ?? 99_999_999 };
}

/**
 * Refuses a card charge Stripe would refuse for its amount, before Checkout is opened or a saved
 * card charged: the desk, the members area and the shop all ask here (`of` says which, so the
 * words can say what else to do).
 */
export function assertCardChargeable(amountMinor: number, currency: string, of: { of: "invoice" } | { of: "order"; atDojoOffered: boolean }): void {
  const { min, max } = stripeChargeLimits(currency);
  if (amountMinor < min) throw refused("card_payment.below_minimum", { amountMinor, limitMinor: min, currency, ...of });
  if (amountMinor > max) throw refused("card_payment.above_maximum", { amountMinor, limitMinor: max, currency, ...of });
}
