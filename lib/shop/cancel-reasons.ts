// Why an order was cancelled, as stored on it (staff read these words in the dashboard). The
// buyer's order page looks the sentence up here to show it in the buyer's language
// ("shop.order.cancelReasons.<code>"). Client-safe.
export const ORDER_CANCEL_REASONS = {
  paymentExpired: "The card payment was not completed in time; the items went back on sale.",
  notConfirmed: "Not confirmed by the dojo in time; the items went back on sale.",
  paymentFailed: "The payment failed; nothing was charged.",
  notStarted: "The card payment could not be started.",
  amountMismatch: "The amount charged did not match the order; the payment was refunded.",
  soldOutRefunded: "Sold out before the payment arrived; the payment was refunded.",
  byDojoRefunded: "Cancelled by the dojo; the payment was refunded.",
  byDojo: "Cancelled by the dojo.",
} as const;

export type OrderCancelReason = keyof typeof ORDER_CANCEL_REASONS;

/** The code of a stored reason; null for words the code does not know. */
export function cancelReasonCode(stored: string | null): OrderCancelReason | null {
  const found = Object.entries(ORDER_CANCEL_REASONS).find(([, words]) => words === stored);
  return found ? (found[0] as OrderCancelReason) : null;
}
