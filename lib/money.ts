// Money is integer minor units plus an ISO 4217 currency. Exponents follow Stripe's rules:
// https://docs.stripe.com/currencies#zero-decimal
const ZERO_DECIMAL = new Set(["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"]);
const THREE_DECIMAL = new Set(["BHD", "JOD", "KWD", "OMR", "TND"]);

/**
 * The currencies Stripe charges in (https://docs.stripe.com/currencies#presentment-currencies).
 * Not HRK (Croatia uses the euro since 2023) nor BGN (Bulgaria since 2026): Stripe no longer
 * processes them.
 */
const STRIPE_CURRENCIES = new Set(
  (
    "USD AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BIF BMD BND BOB BRL BSD BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CVE CZK " +
    "DJF DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR ISK JMD JPY KES KGS KHR KMF KRW KYD " +
    "KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN PYG " +
    "QAR RON RSD RUB RWF SAR SBD SCR SEK SGD SHP SLE SOS SRD STD SZL THB TJS TOP TRY TTD TWD TZS UAH UGX UYU UZS VND VUV WST XAF XCD " +
    "XCG XOF XPF YER ZAR ZMW"
  ).split(" "),
);

export const isStripeCurrency = (code: string) => STRIPE_CURRENCIES.has(code.toUpperCase());

/** The currencies a dojo chooses from (at sign-up and for Stripe); each one Stripe charges in. */
export const CURRENCIES = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "CAD", "AUD", "NZD", "JPY", "KRW", "SGD", "HKD", "MXN", "BRL", "ZAR", "RON"] as const;

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

export function currencyExponent(currency: string): number {
  const c = currency.toUpperCase();
  if (ZERO_DECIMAL.has(c)) return 0;
  if (THREE_DECIMAL.has(c)) return 3;
  return 2;
}

export type ParsedAmount = { ok: true; minor: number } | { ok: false; message: string };

/** Parses what a person types ("12", "12.5", "12,50", "-3.00") into minor units, exactly. */
export function parseAmount(input: string, currency: string, opts: { allowNegative?: boolean } = {}): ParsedAmount {
  const text = input.trim().replace(/\s/g, "");
  const match = /^(-)?(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return { ok: false, message: "Enter an amount such as 25 or 25.50" };
  const [, minus, whole, fraction = ""] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    return {
      ok: false,
      message: exponent === 0 ? `${currency} amounts have no decimals` : `${currency} amounts have at most ${exponent} decimals`,
    };
  }
  if (minus && !opts.allowNegative) return { ok: false, message: "The amount cannot be negative" };
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  if (!Number.isSafeInteger(minor) || minor > 10 ** 12) return { ok: false, message: "The amount is too large" };
  return { ok: true, minor: minus ? -minor : minor };
}

/** "1234" → "12.34" for EUR, "1234" for JPY: the value an input field shows. */
export function toMajorString(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const unit = 10 ** exponent;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exponent, "0")}`;
}

export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const exponent = currencyExponent(currency);
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(minor / 10 ** exponent);
}
