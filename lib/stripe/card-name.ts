import type Stripe from "stripe";

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "Amex", discover: "Discover", jcb: "JCB", diners: "Diners", unionpay: "UnionPay", sepa_debit: "SEPA Direct Debit" };

/** "Visa •••• 4242"; a SEPA mandate's account (brand "sepa_debit"): "SEPA Direct Debit •••• 3000". */
export function cardName(card: { brand: string; last4: string }): string {
  return `${BRANDS[card.brand] ?? card.brand} •••• ${card.last4}`;
}

/** A saved payment method as the app lists it: a card, or a SEPA account whose brand is "sepa_debit". */
export function savedMethodOf(pm: Stripe.PaymentMethod): { brand: string; last4: string } | null {
  if (pm.card) return { brand: pm.card.brand, last4: pm.card.last4 };
  if (pm.type === "sepa_debit" && pm.sepa_debit?.last4) return { brand: "sepa_debit", last4: pm.sepa_debit.last4 };
  return null;
}
