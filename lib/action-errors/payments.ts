import type { InvoiceReasons, PaymentReasons } from "@/lib/error-reasons";
import { formatMoney } from "@/lib/money";
import { CORRECT_FIELDS, onField, type Words } from "./words";

const AUTH_FAILED = "The card holder's bank did not confirm the payment (3-D Secure failed or was cancelled). Nothing was charged and the invoice is still open.";

type ChargeLimit = PaymentReasons["card_payment.below_minimum"];

/** "…; this invoice has €0.40 open. Record the payment another way." */
function chargeLimit(d: ChargeLimit, start: string): string {
  const amount = formatMoney(d.amountMinor, d.currency);
  const what = d.of === "invoice" ? `this invoice has ${amount} open` : `this order is ${amount}`;
  const otherwise = d.of === "invoice" ? "Record the payment another way." : d.atDojoOffered ? "Choose to pay at the dojo, or add to your order." : "Add to your order.";
  return `${start} ${formatMoney(d.limitMinor, d.currency)} (Stripe's ${start.endsWith("at") ? "minimum" : "maximum"} in ${d.currency.toUpperCase()}); ${what}. ${otherwise}`;
}

export const INVOICE_WORDS: Words<keyof InvoiceReasons> = {
  "invoice.not_draft": ({ action, status }) => `Only a draft can be ${action === "issue" ? "issued" : "edited"}; this invoice is ${status}.`,
  "invoice.member_not_in_dojo": () => onField("memberId", CORRECT_FIELDS, "Choose a member of your dojo"),
  "invoice.lines": ({ linePrices, total }) => ({
    error: CORRECT_FIELDS,
    fieldErrors: {
      ...Object.fromEntries(linePrices.map(({ line, problem }) => [`lines.${line}.unitPrice`, [problem]])),
      ...(total ? { lines: [total === "too_large" ? "The total is too large" : "The total must be more than zero"] } : {}),
    },
  }),
  "invoice.already_void": () => "This invoice is already void.",
  "invoice.void_collected_by_stripe": () => "Stripe collects this subscription invoice. Void it in the Stripe dashboard (or cancel the subscription); Tatami follows.",
  "invoice.void_paid": () => "A paid invoice cannot be voided; refund the payment instead.",
  "invoice.void_has_payments": () => "This invoice has payments recorded; refund them before voiding it.",
  "invoice.void_reason_missing": () => onField("reason", CORRECT_FIELDS, "Give a reason"),
};

const API_KEY_REFUSED = "Stripe refused the dojo's API key. The owner can reconnect Stripe in Settings → Stripe.";

export const PAYMENT_WORDS: Words<keyof PaymentReasons> = {
  "payment.recorded_for_other_invoice": () => "This card payment was already recorded for another invoice.",
  "payment.manual_on_stripe_invoice": () =>
    onField("amount", "Stripe collects this subscription invoice and will retry the card. Send the member the pay link from their Stripe section instead of taking cash here.", "Paid through Stripe only"),
  "payment.amount": ({ problem }) => onField("amount", CORRECT_FIELDS, problem),
  "payment.paid_on_in_future": () => onField("paidOn", CORRECT_FIELDS, "The payment date cannot be in the future"),
  "card_payment.below_minimum": (d) => chargeLimit(d, "Card payments start at"),
  "card_payment.above_maximum": (d) => chargeLimit(d, "Card payments go up to"),
  "card_payment.invoice_changed": () => "This invoice changed while Checkout was opening (it was paid or voided). Reload the page.",
  "card_payment.not_confirmed_yet": () => "Stripe has not confirmed this payment yet. Reload the page in a moment.",
  "card_payment.processing": () => "The payment is still being processed by the bank. The invoice updates as soon as Stripe confirms it.",
  "card_payment.authentication_failed": () => AUTH_FAILED,
  "card_payment.declined_saved": ({ stripeMessage }) => `The card was declined: ${stripeMessage} The invoice is still open.`,
  "card_payment.no_saved_card": ({ who }) => (who === "member" ? "You have no saved card. Pay with credit card instead." : "This member has no saved card. Use Pay with Stripe instead."),
  "refund.not_card": () => "Only card payments are refunded through Stripe. Record a cash or bank refund as a ledger correction.",
  "refund.amount": ({ problem }) => onField("amount", CORRECT_FIELDS, problem),
  "refund.amount_not_positive": () => onField("amount", CORRECT_FIELDS, "The refund must be more than zero"),
  "refund.refunded_in_full": () => "This payment has been refunded in full.",
  "refund.more_than_refundable": ({ refundableMinor, currency }) => onField("amount", CORRECT_FIELDS, `At most ${formatMoney(refundableMinor, currency)} can still be refunded`),
  "refund.stripe_failed": ({ why }) => `Stripe could not make the refund (${why}). Nothing was refunded.`,
  "refund.recorded_elsewhere": () => "This refund was already recorded elsewhere.",
  "refund.other_currency": ({ currency, paymentCurrency }) => `This payment is in ${paymentCurrency}, not ${currency}.`,
  "refund.record_not_positive": () => "The refund must be more than zero.",
  "refund.record_more_than_refundable": ({ refundableMinor, currency }) => `At most ${formatMoney(refundableMinor, currency)} of this payment can still be refunded.`,
  "card_payment.card_declined": ({ stripeMessage }) => `The card was declined: ${stripeMessage} The invoice is still open.`,
  "card_payment.api_key_refused": () => `${API_KEY_REFUSED} Nothing was charged.`,
  "card_payment.stripe_refused": ({ stripeMessage }) => `Stripe refused the payment: ${stripeMessage} Nothing was charged.`,
  "card_payment.failed": () => "Something went wrong with the card payment. Nothing was charged; please try again.",
  "card_payment.stripe_unreachable": () => "Stripe could not be reached or had a problem. Nothing was charged and the invoice is still open; please try again in a moment.",
  "card_payment.earlier_page_not_closed": () => "An earlier payment page for this invoice could not be closed at Stripe. Nothing was charged; please try again in a moment.",
  "card_payment.open_page_not_closed": () => "The open payment page for this invoice could not be closed at Stripe. Nothing was charged; please try again in a moment.",
  "card_payment.checkout_opening_elsewhere": () => "Checkout for this invoice is being opened in another window. Please try again in a moment.",
  "refund.stripe_unreachable": () => "Stripe could not be reached or had a problem. Nothing was recorded; try again in a moment (a refund Stripe did make is never made twice).",
  "refund.api_key_refused": () => `${API_KEY_REFUSED} Nothing was refunded.`,
  "refund.idempotency_mismatch": () => "This refund was already sent to Stripe with other details. Close the dialog, reload the page and start again.",
  "refund.stripe_refused": ({ stripeMessage }) => `Stripe refused the refund: ${stripeMessage} Nothing was refunded.`,
  "refund.failed": () => "Something went wrong with the refund. Nothing was recorded; please try again.",
};
