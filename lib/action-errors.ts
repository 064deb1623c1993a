import { ActionError, type FieldErrors } from "@/lib/action-result";
import type { AppError, AppErrorCode, DetailsOf, InvalidAmountReason, NotPayableReason, Reason } from "@/lib/errors";
import { formatMoney } from "@/lib/money";
import { ACCOUNT_PLAN_WORDS } from "./action-errors/account-plans";
import { AUTH_WORDS } from "./action-errors/auth";
import { DOJO_WORDS, PORTAL_WORDS } from "./action-errors/dojos";
import { OFFICE_WORDS } from "./action-errors/office";
import { SHOP_WORDS } from "./action-errors/shop";
import { STAFF_WORDS } from "./action-errors/staff";
import { INVOICE_WORDS, PAYMENT_WORDS } from "./action-errors/payments";
import { STRIPE_WORDS } from "./action-errors/stripe";
import { SUBSCRIPTION_WORDS } from "./action-errors/subscriptions";
import type { Presented, Words } from "./action-errors/words";

// The words a person sees for each domain failure: the only place a code and reason become text.
// The words of each domain's reasons live in lib/action-errors/<domain>.ts.

type MoneyDetails = Omit<DetailsOf<"NOT_PAYABLE">, "reason">;

const NOT_PAYABLE: Record<NotPayableReason, (d: MoneyDetails) => string> = {
  draft: () => "Issue the invoice before taking a payment.",
  void: () => "This invoice is void; it cannot be paid.",
  paid: () => "This invoice is already paid.",
  collected_by_stripe: () => "This invoice belongs to a subscription: Stripe collects it. The member pays or confirms it from the link in their e-mail or in the members area.",
  other_currency: (d) =>
    `This invoice is in ${d.currency} (${formatMoney(d.openMinor ?? 0, d.currency ?? "EUR")} open), but the dojo's Stripe account charges in ${d.expectedCurrency}. Nothing was charged; record the payment another way or change the Stripe currency in Settings → Stripe.`,
};

const INVALID_AMOUNT: Record<InvalidAmountReason, (d: MoneyDetails) => string> = {
  other_currency: (d) => `This invoice is in ${d.expectedCurrency}, not ${d.currency}.`,
  not_positive: () => "The amount must be more than zero.",
  more_than_open: (d) => `The amount is more than the ${formatMoney(d.openMinor ?? 0, d.expectedCurrency ?? "EUR")} still open.`,
};

/** Every reason of lib/error-reasons.ts: leaving out a domain's words does not compile. */
export const WORDS: Words<Reason> = { "action.refused": () => "This cannot be done now.", ...AUTH_WORDS, ...STRIPE_WORDS, ...ACCOUNT_PLAN_WORDS, ...SUBSCRIPTION_WORDS,
  ...INVOICE_WORDS,
  ...PAYMENT_WORDS,
  ...STAFF_WORDS,
  ...DOJO_WORDS,
  ...PORTAL_WORDS,
  ...OFFICE_WORDS,
  ...SHOP_WORDS,
};

function wordsFor(error: AppError): Presented {
  switch (error.code) {
    case "NOT_FOUND":
      return { error: `${(error.details as DetailsOf<"NOT_FOUND">).what ?? "That record"} was not found.` };
    case "NOT_PAYABLE": {
      const d = error.details as DetailsOf<"NOT_PAYABLE">;
      return { error: NOT_PAYABLE[d.reason](d) };
    }
    case "INVALID_AMOUNT": {
      const d = error.details as DetailsOf<"INVALID_AMOUNT">;
      return { error: INVALID_AMOUNT[d.reason](d) };
    }
    default: {
      const d = error.details as DetailsOf<"REFUSED">;
      const words = (WORDS[d.reason] as (details: typeof d) => string | Presented)(d);
      return typeof words === "string" ? { error: words } : words;
    }
  }
}

/** Which form field an action shows a failure next to, by code (besides the message above the form). */
export type ErrorFields = Partial<Record<AppErrorCode, string>>;

/** The one way a failure becomes `{ error, fieldErrors }` for a form. */
export function presentError(error: AppError, fields: ErrorFields = {}): { error: string; fieldErrors?: FieldErrors } {
  // An ActionError is the action layer's own refusal: its words were written there.
  const presented = error instanceof ActionError ? { error: error.message, fieldErrors: error.fieldErrors } : wordsFor(error);
  const field = fields[error.code];
  const fieldErrors = presented.fieldErrors ?? (field ? { [field]: [presented.error] } : undefined);
  return fieldErrors ? { error: presented.error, fieldErrors } : { error: presented.error };
}
