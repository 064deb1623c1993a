import { ActionError, type FieldErrors } from "@/lib/action-result";
import type { AppError, AppErrorCode, DetailsOf, InvalidAmountReason, NotFound, NotPayableReason, Reason } from "@/lib/errors";
import { formatIn } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { ACCOUNT_PLAN_WORDS } from "./action-errors/account-plans";
import { AUTH_WORDS } from "./action-errors/auth";
import { DOJO_WORDS, PORTAL_WORDS } from "./action-errors/dojos";
import { OFFICE_WORDS } from "./action-errors/office";
import { SHOP_WORDS } from "./action-errors/shop";
import { STAFF_WORDS } from "./action-errors/staff";
import { INVOICE_WORDS, PAYMENT_WORDS } from "./action-errors/payments";
import { STRIPE_WORDS } from "./action-errors/stripe";
import { SUBSCRIPTION_WORDS } from "./action-errors/subscriptions";
import { say, type Presented, type Reader, type Wording, type Words } from "./action-errors/words";

// The words a person sees for each domain failure, in their language: the only place a code and
// reason become text. The messages are the "errors" namespace of messages/<locale>.json; which
// message (and which field) each domain's reasons take lives in lib/action-errors/<domain>.ts.

type MoneyDetails = Omit<DetailsOf<"NOT_PAYABLE">, "reason">;

const NOT_FOUND: Record<NotFound, string> = {
  "That record": "record",
  "Card setup": "card_setup",
  Dojo: "dojo",
  Family: "family",
  Fee: "fee",
  Invitation: "invitation",
  Invoice: "invoice",
  "Ledger entry": "ledger_entry",
  Mail: "mail",
  Member: "member",
  Order: "order",
  Payment: "payment",
  Plan: "plan",
  "Plan change": "plan_change",
  Product: "product",
  Refund: "refund",
  Shop: "shop",
  "Staff member": "staff_member",
  Subscription: "subscription",
};

const open = (d: MoneyDetails, currency: string | undefined, w: Wording) => w.money(d.openMinor ?? 0, currency ?? "EUR");

const NOT_PAYABLE: Record<NotPayableReason, (d: MoneyDetails, w: Wording) => string> = {
  draft: (_, w) => w.t("not_payable.draft"),
  void: (_, w) => w.t("not_payable.void"),
  paid: (_, w) => w.t("not_payable.paid"),
  collected_by_stripe: (_, w) => w.t("not_payable.collected_by_stripe"),
  other_currency: (d, w) => w.t("not_payable.other_currency", { currency: d.currency ?? "", open: open(d, d.currency, w), expectedCurrency: d.expectedCurrency ?? "" }),
};

const INVALID_AMOUNT: Record<InvalidAmountReason, (d: MoneyDetails, w: Wording) => string> = {
  other_currency: (d, w) => w.t("invalid_amount.other_currency", { expectedCurrency: d.expectedCurrency ?? "", currency: d.currency ?? "" }),
  not_positive: (_, w) => w.t("invalid_amount.not_positive"),
  more_than_open: (d, w) => w.t("invalid_amount.more_than_open", { open: open(d, d.expectedCurrency, w) }),
};

/** Every reason of lib/error-reasons.ts: leaving out a domain's words does not compile. */
export const WORDS: Words<Reason> = {
  "action.refused": say,
  ...AUTH_WORDS,
  ...STRIPE_WORDS,
  ...ACCOUNT_PLAN_WORDS,
  ...SUBSCRIPTION_WORDS,
  ...INVOICE_WORDS,
  ...PAYMENT_WORDS,
  ...STAFF_WORDS,
  ...DOJO_WORDS,
  ...PORTAL_WORDS,
  ...OFFICE_WORDS,
  ...SHOP_WORDS,
};

/** The messages and money of `locale`, for the words of lib/action-errors/. */
export function wordingOf(locale: Locale): Wording {
  return { locale, t: translator(locale, "errors"), money: formatIn(locale).money, correctFields: translator(locale, "components.action")("correctFields") };
}

function wordsFor(error: AppError, locale: Locale): Presented {
  switch (error.code) {
    case "NOT_FOUND": {
      const { what = "That record" } = error.details as DetailsOf<"NOT_FOUND">;
      return { error: wordingOf(locale).t(`not_found.${NOT_FOUND[what]}`) };
    }
    case "NOT_PAYABLE": {
      const d = error.details as DetailsOf<"NOT_PAYABLE">;
      return { error: NOT_PAYABLE[d.reason](d, wordingOf(locale)) };
    }
    case "INVALID_AMOUNT": {
      const d = error.details as DetailsOf<"INVALID_AMOUNT">;
      return { error: INVALID_AMOUNT[d.reason](d, wordingOf(locale)) };
    }
    default: {
      const d = error.details as DetailsOf<"REFUSED">;
      const words = (WORDS[d.reason] as (details: typeof d, w: Reader) => string | Presented)(d, { ...wordingOf(locale), reason: d.reason });
      return typeof words === "string" ? { error: words } : words;
    }
  }
}

/** Which form field an action shows a failure next to, by code (besides the message above the form). */
export type ErrorFields = Partial<Record<AppErrorCode, string>>;

/** The one way a failure becomes `{ error, fieldErrors }` for a form, in the reader's language. */
export function presentError(error: AppError, fields: ErrorFields = {}, locale: Locale = DEFAULT_LOCALE): { error: string; fieldErrors?: FieldErrors } {
  // An ActionError is the action layer's own refusal: its words were written there.
  const presented = error instanceof ActionError ? { error: error.message, fieldErrors: error.fieldErrors } : wordsFor(error, locale);
  const field = fields[error.code];
  const fieldErrors = presented.fieldErrors ?? (field ? { [field]: [presented.error] } : undefined);
  return fieldErrors ? { error: presented.error, fieldErrors } : { error: presented.error };
}
