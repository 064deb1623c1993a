import { invalidParam } from "./errors";

/** Stripe's zero-decimal currencies: amounts are whole units, not cents. */
export const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"]);

// Stripe's minimum charge amounts for the common currencies, in minor units.
const MINIMUM: Record<string, number> = { usd: 50, eur: 50, gbp: 30, chf: 50, cad: 50, aud: 50, nzd: 50, sek: 300, nok: 300, dkk: 250, pln: 200, czk: 1500, jpy: 50, huf: 17500, mxn: 1000, sgd: 50, hkd: 400, brl: 50, inr: 50 };

export function normalizeCurrency(value: string, param = "currency"): string {
  const c = value.toLowerCase();
  if (!/^[a-z]{3}$/.test(c)) throw invalidParam(param, `Invalid currency: ${value}. Stripe currently supports these currencies: usd, eur, gbp, …`);
  return c;
}

export function formatAmount(amount: number, currency: string): string {
  const zero = ZERO_DECIMAL.has(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: zero ? 0 : 2 }).format(
    zero ? amount : amount / 100,
  );
}

export function checkMinimumAmount(amount: number, currency: string, param = "amount"): void {
  if (amount < 1) throw invalidParam(param, "This value must be greater than or equal to 1.", "parameter_invalid_integer");
  const min = MINIMUM[currency];
  if (min !== undefined && amount < min) {
    throw invalidParam(param, `Amount must be at least ${formatAmount(min, currency)} ${currency}`, "amount_too_small");
  }
}

/** Test-mode processing fee, roughly Stripe's standard card pricing. */
export function processingFee(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency) ? Math.round(amount * 0.036) : Math.round(amount * 0.029) + 30;
}
