import type { AutomaticRefund, AutomaticRefundReason } from "@/db/schema";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";

const WHY: Record<AutomaticRefundReason, string> = {
  already_paid: "Paid twice",
  overpaid: "Paid more than was open",
  void: "Paid after the invoice was voided",
  currency: "Paid in another currency than the invoice's",
  not_payable: "Paid before the invoice was issued",
  order_unavailable: "Paid for an order that could no longer be served",
};

/** Why a payment went back, in a few words: "Paid twice". */
export const automaticRefundWhy = (reason: AutomaticRefundReason): string => WHY[reason];

/**
 * The line an invoice (or order) shows for an automatic refund, to staff and to the payer alike:
 * "Paid twice — €50.00 refunded automatically on 3 Mar 2026". A failed one tells staff what to do.
 */
export function describeAutomaticRefund(row: Pick<AutomaticRefund, "reason" | "status" | "amountMinor" | "currency" | "refundedAt" | "lastError">, audience: "staff" | "payer", timeZone: string): string {
  const amount = formatMoney(row.amountMinor, row.currency);
  const why = WHY[row.reason];
  if (row.status === "refunded") return `${why} — ${amount} refunded automatically${row.refundedAt ? ` on ${formatDate(row.refundedAt, timeZone)}` : ""}`;
  if (row.status === "pending") return `${why} — ${amount} is being refunded automatically`;
  return audience === "staff"
    ? `${why} — the automatic refund of ${amount} failed${row.lastError ? ` (${row.lastError})` : ""}. Refund it in the Stripe dashboard.`
    : `${why} — ${amount} will be refunded to you by the dojo`;
}
