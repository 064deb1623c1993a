import { invalidParam, invalidRequest } from "./errors";

// Stripe's currency rules, from https://docs.stripe.com/currencies (what the emulator checks is
// listed in emulator/README.md, "Checkout, currencies and amounts").

/**
 * The presentment currencies Stripe charges cards in
 * (https://docs.stripe.com/currencies#presentment-currencies). Currencies Stripe stopped
 * processing are absent: HRK (Croatia uses the euro since 2023) and BGN (Bulgaria since
 * 2026-01-01, https://docs.stripe.com/changelog/clover/2026-01-28/bulgaria-currency-mapping-bgn-to-eur).
 */
export const PRESENTMENT_CURRENCIES: readonly string[] = (
  "usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop crc cve czk " +
  "djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jpy kes kgs khr kmf krw kyd " +
  "kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd pab pen pgk php pkr pln pyg " +
  "qar ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd " +
  "xcg xof xpf yer zar zmw"
).split(" ");
const PRESENTMENT = new Set(PRESENTMENT_CURRENCIES);

/** Stripe's zero-decimal currencies (https://docs.stripe.com/currencies#zero-decimal): amounts are whole units. */
export const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]);

/**
 * Minimum charge amounts in minor units, with the text Stripe's error shows, from the table in
 * https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts. Stripe applies the
 * minimum of the settlement currency; the emulator's accounts settle in the charge currency, so
 * the charge currency's own row applies. Currencies without a row have no minimum here.
 */
export const MINIMUM_CHARGE: Readonly<Record<string, { amount: number; text: string }>> = {
  usd: { amount: 50, text: "$0.50" },
  aed: { amount: 200, text: "2.00 د.إ" },
  aud: { amount: 50, text: "$0.50" },
  brl: { amount: 50, text: "R$0.50" },
  cad: { amount: 50, text: "$0.50" },
  chf: { amount: 50, text: "0.50 Fr" },
  czk: { amount: 1500, text: "15.00Kč" },
  dkk: { amount: 250, text: "2.50-kr." },
  eur: { amount: 50, text: "€0.50" },
  gbp: { amount: 30, text: "£0.30" },
  hkd: { amount: 400, text: "$4.00" },
  huf: { amount: 17500, text: "175.00 Ft" },
  inr: { amount: 50, text: "₹0.50" },
  jpy: { amount: 50, text: "¥50" },
  mxn: { amount: 1000, text: "$10" },
  myr: { amount: 200, text: "RM 2" },
  nok: { amount: 300, text: "3.00-kr." },
  nzd: { amount: 50, text: "$0.50" },
  pln: { amount: 200, text: "2.00 zł" },
  ron: { amount: 200, text: "lei2.00" },
  sek: { amount: 300, text: "3.00-kr." },
  sgd: { amount: 50, text: "$0.50" },
  thb: { amount: 1000, text: "฿10" },
};

/**
 * The largest card charge: the `amount` has at most 8 digits, except IDR (12), INR (9) and, for
 * cards, LBP (14), COP, HUF and JPY (13) (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
 */
const MAXIMUM_CHARGE: Readonly<Record<string, number>> = { idr: 999_999_999_999, inr: 999_999_999, lbp: 99_999_999_999_999, cop: 9_999_999_999_999, huf: 9_999_999_999_999, jpy: 9_999_999_999_999 };
export const maximumCharge = (currency: string) => MAXIMUM_CHARGE[currency] ?? 99_999_999;

/** A currency as Stripe reads it (lowercase ISO code), refused unless Stripe charges in it. */
export function normalizeCurrency(value: string, param = "currency"): string {
  const c = value.toLowerCase();
  if (!PRESENTMENT.has(c)) {
    throw invalidParam(param, `Invalid currency: ${c}. Stripe currently supports these currencies: ${PRESENTMENT_CURRENCIES.join(", ")}`);
  }
  return c;
}

export function formatAmount(amount: number, currency: string): string {
  const zero = ZERO_DECIMAL.has(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: zero ? 0 : 2 }).format(
    zero ? amount : amount / 100,
  );
}

/**
 * A PaymentIntent amount: Stripe answers `amount_too_small` ("Amount must be at least $0.50 usd")
 * or `amount_too_large` with `param: amount`.
 */
export function checkMinimumAmount(amount: number, currency: string, param = "amount"): void {
  if (amount < 1) throw invalidParam(param, "This value must be greater than or equal to 1.", "parameter_invalid_integer");
  const min = MINIMUM_CHARGE[currency];
  if (min && amount < min.amount) throw invalidParam(param, `Amount must be at least ${min.text} ${currency}`, "amount_too_small");
  if (amount > maximumCharge(currency)) throw invalidParam(param, `Amount must be no more than ${formatAmount(maximumCharge(currency), currency)} ${currency}`, "amount_too_large");
}

/**
 * A Checkout Session's total in payment mode: Stripe refuses it at creation with "The Checkout
 * Session's total amount due must add up to at least $0.50 usd".
 */
export function checkCheckoutTotal(total: number, currency: string): void {
  const min = MINIMUM_CHARGE[currency] ?? { amount: 1, text: formatAmount(1, currency) };
  if (total < min.amount) throw invalidRequest(`The Checkout Session's total amount due must add up to at least ${min.text} ${currency}`, undefined, "amount_too_small");
  if (total > maximumCharge(currency)) {
    throw invalidRequest(`The Checkout Session's total amount due must be no more than ${formatAmount(maximumCharge(currency), currency)} ${currency}`, undefined, "amount_too_large");
  }
}

/** Test-mode processing fee, roughly Stripe's standard card pricing. */
export function processingFee(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency) ? Math.round(amount * 0.036) : Math.round(amount * 0.029) + 30;
}
