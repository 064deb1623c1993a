import type { InvoiceReasons, PaymentReasons } from "@/lib/error-reasons";
import { correct, correctProblem, say, sayOnShort, type Reader, type Words } from "./words";

type ChargeLimit = PaymentReasons["card_payment.below_minimum"];

/** "Card payments start at €0.50 (Stripe's minimum in EUR); this invoice has €0.40 open. Record the payment another way." */
function chargeLimit(d: ChargeLimit, w: Reader): string {
  return say(
    {
      limit: w.money(d.limitMinor, d.currency),
      amount: w.money(d.amountMinor, d.currency),
      currency: d.currency.toUpperCase(),
      of: d.of === "invoice" ? "invoice" : d.atDojoOffered ? "atDojo" : "order",
    },
    w,
  );
}

const refundable = ({ refundableMinor, currency }: PaymentReasons["refund.more_than_refundable"], w: Reader) => ({ amount: w.money(refundableMinor, currency) });

export const INVOICE_WORDS: Words<keyof InvoiceReasons> = {
  "invoice.not_draft": say,
  "invoice.member_not_in_dojo": correct("memberId"),
  "invoice.lines": ({ linePrices, total }, w) => ({
    error: w.correctFields,
    fieldErrors: {
      ...Object.fromEntries(linePrices.map(({ line, problem }) => [`lines.${line}.unitPrice`, [problem]])),
      ...(total ? { lines: [w.t(`invoice.lines_${total}`)] } : {}),
    },
  }),
  "invoice.already_void": say,
  "invoice.void_collected_by_stripe": say,
  "invoice.void_paid": say,
  "invoice.void_has_payments": say,
  "invoice.void_reason_missing": correct("reason"),
};

export const PAYMENT_WORDS: Words<keyof PaymentReasons> = {
  "payment.recorded_for_other_invoice": say,
  "payment.manual_on_stripe_invoice": sayOnShort("amount"),
  "payment.amount": correctProblem("amount"),
  "payment.paid_on_in_future": correct("paidOn"),
  "card_payment.below_minimum": chargeLimit,
  "card_payment.above_maximum": chargeLimit,
  "card_payment.invoice_changed": say,
  "card_payment.not_confirmed_yet": say,
  "card_payment.processing": say,
  "card_payment.authentication_failed": say,
  "card_payment.declined_saved": say,
  "card_payment.no_saved_card": say,
  "refund.not_card": say,
  "refund.amount": correctProblem("amount"),
  "refund.amount_not_positive": correct("amount"),
  "refund.refunded_in_full": say,
  "refund.more_than_refundable": (d, w) => correct("amount")(refundable(d, w), w),
  "refund.stripe_failed": say,
  "refund.recorded_elsewhere": say,
  "refund.other_currency": say,
  "refund.record_not_positive": say,
  "refund.record_more_than_refundable": (d, w) => say(refundable(d, w), w),
  "card_payment.card_declined": say,
  "card_payment.api_key_refused": say,
  "card_payment.stripe_refused": say,
  "card_payment.failed": say,
  "card_payment.stripe_unreachable": say,
  "card_payment.earlier_page_not_closed": say,
  "card_payment.open_page_not_closed": say,
  "card_payment.checkout_opening_elsewhere": say,
  "refund.stripe_unreachable": say,
  "refund.api_key_refused": say,
  "refund.idempotency_mismatch": say,
  "refund.stripe_refused": say,
  "refund.failed": say,
};
