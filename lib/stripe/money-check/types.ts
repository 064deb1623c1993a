// The money check's vocabulary, shared by the comparison, the stored result and the pages (client-safe).

export type DifferenceKind =
  /** Stripe captured money for Tatami (our metadata, or a member's customer) that no payment records. */
  | "charge_not_recorded"
  /** A card payment recorded in Tatami whose PaymentIntent Stripe does not have as succeeded. */
  | "charge_not_at_stripe"
  /** A refund at Stripe of a recorded payment that Tatami has not booked. */
  | "refund_not_recorded"
  /** A refund booked in Tatami that Stripe does not have, or that failed or was canceled there. */
  | "refund_not_at_stripe"
  /** Both have it, with different amounts. */
  | "amount_differs";

/** What settles a difference: record it in Tatami (a payment, a refund or a refund's failure), or refund it at Stripe. */
export type SettleAction = "record" | "refund";

export interface MoneyDifference {
  kind: DifferenceKind;
  /** pi_… for charges and payments, re_… for refunds: what the actions act on. */
  stripeId: string;
  currency: string;
  /** What Stripe holds (captured less refunded for a charge, the refund's amount); null: nothing. */
  stripeMinor: number | null;
  /** What Tatami recorded; null: nothing. */
  tatamiMinor: number | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  /** When it happened (ISO), for sorting and display. */
  at: string;
  actions: SettleAction[];
}

export interface MoneyCheckResult {
  checkedAt: Date;
  periodStart: Date;
  periodEnd: Date;
  chargesChecked: number;
  refundsChecked: number;
  differences: MoneyDifference[];
  error: string | null;
}
