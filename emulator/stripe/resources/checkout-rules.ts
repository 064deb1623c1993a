import type Stripe from "stripe";
import { checkCheckoutTotal, normalizeCurrency } from "../currency";
import { invalidParam, invalidRequest, missingParam } from "../errors";
import type { Params } from "../params";

/**
 * The cross-parameter and value rules Stripe documents for creating a Checkout Session, checked
 * before anything is stored. Unknown parameters, types and enum values are the request schema's
 * business (api.ts); these are the rules between parameters. Each names the page it comes from;
 * emulator/README.md ("Checkout, currencies and amounts") lists them with their errors.
 */
export type CheckoutMode = "payment" | "setup" | "subscription";
export type UiMode = "hosted_page" | "embedded_page";

const HOUR = 3600;

const EMULATED_METHODS = ["card", "sepa_debit", "ideal", "bancontact"];
/** Methods bound to one currency (https://docs.stripe.com/payments/sepa-debit, /ideal, /bancontact: EUR only). */
const METHOD_CURRENCIES: Record<string, string[]> = { sepa_debit: ["eur"], ideal: ["eur"], bancontact: ["eur"] };

/**
 * Every allowed method must take the session's currency, as Stripe refuses an iDEAL session in
 * USD (its answer, as quoted in stripe-samples/firebase-subscription-payments#39).
 */
export function checkMethodCurrency(allowed: string[] | null, currency: string | null): void {
  if (!allowed || !currency) return;
  for (const type of allowed) {
    const only = METHOD_CURRENCIES[type];
    if (only && !only.includes(currency)) {
      throw invalidParam(
        "allowed_payment_method_types",
        `Invalid currency options \`\`${currency}\`\`. The payment method \`${type}\` only supports the following currencies: ${only.map((c) => `\`\`${c}\`\``).join(", ")}.`,
      );
    }
  }
}

/** Only in the modes named: `payment_intent_data` outside payment mode, and the like. */
function onlyInModes(params: Params, mode: CheckoutMode, param: string, modes: CheckoutMode[]): void {
  if (params.has(param) && !modes.includes(mode)) {
    throw invalidParam(param, `\`${param}\` can only be used in ${modes.map((m) => `\`${m}\``).join(" or ")} mode.`);
  }
}

function onlyOneOf(params: Params, a: string, b: string): void {
  if (params.has(a) && params.has(b)) throw invalidRequest(`You may only specify one of these parameters: ${a}, ${b}.`, b);
}

export interface CheckedCheckout {
  redirectOnCompletion: Stripe.Checkout.Session.RedirectOnCompletion;
  /** `currency` as sent (setup mode); line items bring their own in the other modes. */
  currency: string | null;
  allowedPaymentMethodTypes: string[] | null;
  expiresAt: number;
}

export function checkCheckoutParams(params: Params, mode: CheckoutMode, uiMode: UiMode, now: number): CheckedCheckout {
  // ui_mode decides which URLs apply: embedded sessions come back through return_url (unless
  // redirects are off), hosted ones through success_url/cancel_url.
  // https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-success_url, -cancel_url, -return_url, -redirect_on_completion;
  // https://docs.stripe.com/payments/checkout/custom-redirect-behavior
  const redirectOnCompletion = params.enumOf("redirect_on_completion", ["always", "if_required", "never"] as const) ?? "always";
  if (uiMode === "embedded_page") {
    if (params.has("success_url")) throw invalidParam("success_url", "You cannot use `success_url` with `ui_mode: embedded_page`. Use `return_url` instead.");
    if (params.has("cancel_url")) throw invalidParam("cancel_url", "You cannot use `cancel_url` with `ui_mode: embedded_page`.");
    // "Not use a return page and disable redirect-based payment methods": never means no return_url.
    if (redirectOnCompletion === "never" && params.has("return_url")) {
      throw invalidParam("return_url", "You cannot use `return_url` when `redirect_on_completion` is `never`: nothing redirects, so there is no page to return to.");
    }
    if (redirectOnCompletion !== "never" && !params.has("return_url")) throw missingParam("return_url");
  } else {
    if (params.has("return_url")) throw invalidParam("return_url", "You cannot use `return_url` with `ui_mode: hosted_page`. Use `success_url` instead.");
    if (params.has("redirect_on_completion")) throw invalidParam("redirect_on_completion", "`redirect_on_completion` can only be used with `ui_mode: embedded_page`.");
  }

  // Line items are required in payment and subscription mode and have no place in setup mode.
  // https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-line_items
  if (mode !== "setup" && params.list("line_items").length === 0) throw missingParam("line_items");
  if (mode === "setup" && params.has("line_items")) throw invalidParam("line_items", "You cannot pass `line_items` in `setup` mode.");

  // Who pays: an existing customer, or an e-mail to prefill; customer_creation only where Checkout
  // may create one (payment and setup mode), customer_update only with a customer.
  // https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-customer_creation, -customer_update
  onlyOneOf(params, "customer", "customer_email");
  onlyInModes(params, mode, "customer_creation", ["payment", "setup"]);
  if (params.has("customer_creation") && params.has("customer")) {
    throw invalidParam("customer_creation", "You may only specify one of these parameters: customer, customer_creation.");
  }
  if (params.has("customer_update") && !params.has("customer")) throw invalidParam("customer_update", "`customer_update` can only be used with `customer`.");

  // Mode-specific blocks. https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-payment_intent_data, -setup_intent_data,
  // -subscription_data, -payment_method_collection, -submit_type, -saved_payment_method_options
  onlyInModes(params, mode, "payment_intent_data", ["payment"]);
  onlyInModes(params, mode, "setup_intent_data", ["setup"]);
  onlyInModes(params, mode, "subscription_data", ["subscription"]);
  onlyInModes(params, mode, "payment_method_collection", ["subscription"]);
  onlyInModes(params, mode, "submit_type", ["payment", "subscription"]);
  onlyInModes(params, mode, "saved_payment_method_options", ["payment", "subscription"]);

  // Payment methods: allowed_payment_method_types replaced payment_method_types
  // (https://docs.stripe.com/changelog/endive/2026-09-30/remove-payment-method-types-checkout-sessions)
  // and is a filter that cannot be combined with the other ways of choosing them
  // (https://docs.stripe.com/changelog/dahlia/2026-07-29/allowed-payment-method-types-parameter).
  onlyOneOf(params, "allowed_payment_method_types", "excluded_payment_method_types");
  onlyOneOf(params, "allowed_payment_method_types", "payment_method_configuration");
  const allowed = params.has("allowed_payment_method_types") ? params.strings("allowed_payment_method_types") : null;
  if (allowed && allowed.length === 0) throw invalidParam("allowed_payment_method_types", "`allowed_payment_method_types` must name at least one payment method type.");
  // The emulator's methods: cards and the EUR bank methods (bank-methods.ts). Setup mode also takes
  // SEPA Direct Debit, whose mandate the page collects with the IBAN
  // (https://docs.stripe.com/payments/sepa-debit/set-up-payment?payment-ui=checkout); iDEAL and
  // Bancontact stay in payment mode (an emulator limit), subscription mode takes cards.
  const unsupported = allowed?.find((t) => !EMULATED_METHODS.includes(t));
  if (unsupported) {
    throw invalidParam("allowed_payment_method_types", `The emulator takes card, sepa_debit, ideal and bancontact, not \`${unsupported}\`.`);
  }
  const forMode = mode === "payment" ? EMULATED_METHODS : mode === "setup" ? ["card", "sepa_debit"] : ["card"];
  const notInMode = allowed?.find((t) => !forMode.includes(t));
  if (notInMode) {
    throw invalidParam("allowed_payment_method_types", `The emulator takes \`${notInMode}\` in \`payment\` mode only.`);
  }

  // Setup mode saves a payment method without charging: Stripe needs a currency to pick the
  // payment methods, unless they are listed. https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-currency
  const sentCurrency = params.string("currency");
  if (mode === "setup" && !sentCurrency && !allowed) throw missingParam("currency");
  const currency = sentCurrency ? normalizeCurrency(sentCurrency) : null;

  // The session lives 30 minutes to 24 hours (24 hours by default). https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at
  const expiresAt = params.integer("expires_at") ?? now + 24 * HOUR;
  if (expiresAt < now + HOUR / 2 || expiresAt > now + 24 * HOUR) {
    throw invalidParam("expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");
  }
  return { redirectOnCompletion, currency, allowedPaymentMethodTypes: allowed, expiresAt };
}

/**
 * A trial given to Checkout's subscription: `trial_end` "has to be at least 48 hours in the
 * future", `trial_period_days` at least 1, and only one of them
 * (C#create_checkout_session-subscription_data-trial_end, -trial_period_days). `now` is the
 * customer's test-clock time when it has one, as for everything billed to it.
 */
export function checkSubscriptionTrial(subscriptionData: Params | undefined, now: number): { trialEnd?: number; trialPeriodDays?: number } {
  if (!subscriptionData) return {};
  const trialEnd = subscriptionData.integer("trial_end");
  const trialPeriodDays = subscriptionData.integer("trial_period_days");
  if (trialEnd !== undefined && trialPeriodDays !== undefined) {
    throw invalidRequest("You may only specify one of these parameters: subscription_data[trial_end], subscription_data[trial_period_days].", "subscription_data[trial_period_days]");
  }
  if (trialPeriodDays !== undefined && trialPeriodDays < 1) {
    throw invalidParam("subscription_data[trial_period_days]", "This value must be greater than or equal to 1.");
  }
  if (trialEnd !== undefined && trialEnd < now + 48 * HOUR) {
    throw invalidParam("subscription_data[trial_end]", "`subscription_data[trial_end]` must be at least 48 hours in the future.");
  }
  if (trialEnd !== undefined && trialEnd > now + 730 * 24 * HOUR) {
    throw invalidParam("subscription_data[trial_end]", "The maximum number of trial period days is 730 (2 years).");
  }
  return { trialEnd, trialPeriodDays };
}

/**
 * Rules over the line items once their prices are known: one-time prices in payment mode, at
 * least one recurring price in subscription mode, one currency, and in payment mode a total
 * within Stripe's charge limits (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts).
 */
export function checkLineItems(mode: CheckoutMode, lineItems: Stripe.LineItem[]): { currency: string | null; total: number } {
  lineItems.forEach((li, i) => {
    if (mode === "payment" && li.price?.recurring) {
      throw invalidParam(
        `line_items[${i}][price]`,
        "You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.",
      );
    }
  });
  if (mode === "subscription" && !lineItems.some((li) => li.price?.recurring)) {
    throw invalidParam("line_items", "You must provide at least one recurring price in `subscription` mode when using prices.");
  }
  const currencies = new Set(lineItems.map((li) => li.currency));
  if (currencies.size > 1) throw invalidParam("line_items", "All prices on a Checkout Session must use the same currency.");
  const currency = lineItems[0]?.currency ?? null;
  const total = lineItems.reduce((sum, li) => sum + li.amount_total, 0);
  if (mode === "payment" && currency) checkCheckoutTotal(total, currency);
  return { currency, total };
}
