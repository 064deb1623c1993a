/**
 * Stripe's documented test cards and how each behaves in test mode. The same table serves raw
 * numbers typed on the hosted checkout page and the `pm_card_*` / `tok_*` shortcuts used through
 * the API.
 */
export type CardBehaviour =
  /** Every charge and setup succeeds. */
  | "succeed"
  /** 4000002500003155: on-session payments and setups need 3-D Secure; once set up, off-session charges succeed. */
  | "authenticate_unless_set_up"
  /** 4000002760003184: every payment and setup needs 3-D Secure; off-session charges fail with authentication_required. */
  | "authenticate_always"
  /** Attaching fails and every charge fails with `decline`. */
  | "decline"
  /** 4000000000000341: attaching and setups succeed, charges fail with `decline`. */
  | "attach_then_decline";

export interface Decline {
  code: string;
  decline_code: string;
  message: string;
  /** Which card field the error is about (Stripe sets it for CVC and expiry errors). */
  param?: string;
}

export interface TestCard {
  number: string;
  brand: "visa" | "mastercard" | "amex";
  funding: "credit" | "debit";
  country: string;
  behaviour: CardBehaviour;
  decline?: Decline;
  /**
   * 4000000000005126: charges succeed, refunds begin `succeeded` and fail later
   * (https://docs.stripe.com/testing#refunds: "Asynchronous failure").
   */
  refund?: "fail_async";
  /**
   * 4000000000000259: the charge succeeds and is then disputed as fraudulent (a `needs_response`
   * dispute; https://docs.stripe.com/testing#disputes).
   */
  dispute?: "fraudulent";
  /**
   * Shortcut names without prefix: `visa` → `pm_card_visa`, `tok_visa`. The first is the one
   * https://docs.stripe.com/testing lists for the card; older names Stripe still answers follow.
   */
  aliases: string[];
}

export const DECLINES = {
  generic: { code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." },
  insufficientFunds: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." },
  expired: { code: "expired_card", decline_code: "expired_card", message: "Your card has expired.", param: "exp_month" },
  incorrectCvc: { code: "incorrect_cvc", decline_code: "incorrect_cvc", message: "Your card's security code is incorrect.", param: "cvc" },
  authenticationRequired: {
    code: "authentication_required",
    decline_code: "authentication_required",
    message: "Your card was declined. This transaction requires authentication.",
  },
} satisfies Record<string, Decline>;

export const TEST_CARDS: TestCard[] = [
  { number: "4242424242424242", brand: "visa", funding: "credit", country: "US", behaviour: "succeed", aliases: ["visa"] },
  { number: "4000056655665556", brand: "visa", funding: "debit", country: "US", behaviour: "succeed", aliases: ["visa_debit"] },
  { number: "5555555555554444", brand: "mastercard", funding: "credit", country: "US", behaviour: "succeed", aliases: ["mastercard"] },
  { number: "378282246310005", brand: "amex", funding: "credit", country: "US", behaviour: "succeed", aliases: ["amex"] },
  { number: "4000002500003155", brand: "visa", funding: "credit", country: "IE", behaviour: "authenticate_unless_set_up", aliases: ["authenticationRequiredOnSetup"] },
  { number: "4000002760003184", brand: "visa", funding: "credit", country: "IE", behaviour: "authenticate_always", aliases: ["authenticationRequired"] },
  { number: "4000000000003220", brand: "visa", funding: "credit", country: "US", behaviour: "authenticate_always", aliases: ["threeDSecure2Required"] },
  { number: "4000000000000002", brand: "visa", funding: "credit", country: "US", behaviour: "decline", decline: DECLINES.generic, aliases: ["visa_chargeDeclined", "chargeDeclined"] },
  { number: "4000000000009995", brand: "visa", funding: "credit", country: "US", behaviour: "decline", decline: DECLINES.insufficientFunds, aliases: ["visa_chargeDeclinedInsufficientFunds", "chargeDeclinedInsufficientFunds"] },
  { number: "4000000000000069", brand: "visa", funding: "credit", country: "US", behaviour: "decline", decline: DECLINES.expired, aliases: ["chargeDeclinedExpiredCard"] },
  { number: "4000000000000127", brand: "visa", funding: "credit", country: "US", behaviour: "decline", decline: DECLINES.incorrectCvc, aliases: ["chargeDeclinedIncorrectCvc"] },
  { number: "4000000000000341", brand: "visa", funding: "credit", country: "US", behaviour: "attach_then_decline", decline: DECLINES.generic, aliases: ["chargeCustomerFail"] },
  { number: "4000000000005126", brand: "visa", funding: "credit", country: "US", behaviour: "succeed", refund: "fail_async", aliases: ["refundFail"] },
  { number: "4000000000000259", brand: "visa", funding: "credit", country: "US", behaviour: "succeed", dispute: "fraudulent", aliases: ["createDispute"] },
];

export function cardByNumber(number: string): TestCard | undefined {
  const digits = number.replace(/\D/g, "");
  return TEST_CARDS.find((c) => c.number === digits);
}

/** `pm_card_visa`, `tok_chargeDeclined`, … → the test card, or undefined. */
export function cardByShortcut(id: string): TestCard | undefined {
  const m = /^(?:pm_card_|tok_)(.+)$/.exec(id);
  if (!m) return undefined;
  return TEST_CARDS.find((c) => c.aliases.includes(m[1]));
}

export function luhnValid(number: string): boolean {
  const digits = number.replace(/\D/g, "");
  if (digits.length < 12 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Any other valid number behaves like 4242 (as Stripe test mode accepts any valid test number). */
export function cardForNumber(number: string): TestCard | undefined {
  const known = cardByNumber(number);
  if (known) return known;
  const digits = number.replace(/\D/g, "");
  if (!luhnValid(digits)) return undefined;
  const brand = digits.startsWith("4") ? "visa" : /^3[47]/.test(digits) ? "amex" : "mastercard";
  return { number: digits, brand, funding: "credit", country: "US", behaviour: "succeed", aliases: [] };
}
