import { ActionError, type FieldErrors } from "@/lib/action-result";
import type { AppError, AppErrorCode, InvalidAmountReason, NotPayableReason } from "@/lib/errors";
import { formatMoney } from "@/lib/money";

// The words a person sees for each domain failure: the only place a code becomes text.

const NOT_PAYABLE: Record<NotPayableReason, (e: AppError) => string> = {
  draft: () => "Issue the invoice before taking a payment.",
  void: () => "This invoice is void; it cannot be paid.",
  paid: () => "This invoice is already paid.",
  collected_by_stripe: () => "This invoice belongs to a subscription: Stripe collects it. The member pays or confirms it from the link in their e-mail or in the members area.",
  other_currency: ({ details: d }) =>
    `This invoice is in ${d.currency} (${formatMoney(d.openMinor ?? 0, d.currency ?? "EUR")} open), but the dojo's Stripe account charges in ${d.expectedCurrency}. Nothing was charged; record the payment another way or change the Stripe currency in Settings → Stripe.`,
};

const INVALID_AMOUNT: Record<InvalidAmountReason, (e: AppError) => string> = {
  other_currency: ({ details: d }) => `This invoice is in ${d.expectedCurrency}, not ${d.currency}.`,
  not_positive: () => "The amount must be more than zero.",
  more_than_open: ({ details: d }) => `The amount is more than the ${formatMoney(d.openMinor ?? 0, d.expectedCurrency ?? "EUR")} still open.`,
};

const TEXT: Record<AppErrorCode, (e: AppError) => string> = {
  NOT_FOUND: (e) => `${e.details.what ?? "That record"} was not found.`,
  NOT_PAYABLE: (e) => NOT_PAYABLE[e.details.reason as NotPayableReason]?.(e) ?? "This invoice cannot be paid.",
  INVALID_AMOUNT: (e) => INVALID_AMOUNT[e.details.reason as InvalidAmountReason]?.(e) ?? "This amount cannot be booked on the invoice.",
  REFUSED: () => "This cannot be done now.",
  UNAVAILABLE: () => "The payment service could not be reached. Nothing was changed; please try again in a moment.",
};

/** Which form field an action shows a failure next to, by code (besides the message above the form). */
export type ErrorFields = Partial<Record<AppErrorCode, string>>;

export function presentError(error: AppError, fields: ErrorFields = {}): { error: string; fieldErrors?: FieldErrors } {
  // An ActionError still carries its words (REFUSED, or UNAVAILABLE for an outage it explains).
  const text = error instanceof ActionError ? error.message : TEXT[error.code](error);
  const field = fields[error.code];
  const fieldErrors = error instanceof ActionError ? error.fieldErrors : field ? { [field]: [text] } : undefined;
  return fieldErrors ? { error: text, fieldErrors } : { error: text };
}
