const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "Amex", discover: "Discover", jcb: "JCB", diners: "Diners", unionpay: "UnionPay" };

/** "Visa •••• 4242" */
export function cardName(card: { brand: string; last4: string }): string {
  return `${BRANDS[card.brand] ?? card.brand} •••• ${card.last4}`;
}
