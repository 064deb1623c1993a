/**
 * The card-payment engine: PaymentIntents and SetupIntents move through Stripe's statuses here,
 * test cards decide the outcome, charges and balance transactions are written and the events
 * emitted. API routes, the hosted pages and billing (invoice payments, off-session renewals) all
 * go through these functions:
 *
 *   createPaymentIntent(account, init)              → requires_payment_method | requires_confirmation
 *   confirmPaymentIntent(account, pi, opts)         → succeeded | requires_action | requires_payment_method (+ last_payment_error)
 *   paymentFailure(account, pi)                     → the 402 card error Stripe answers for a failed confirm, or null
 *   completeAuthentication(account, intentId, ok)   → the 3-D Secure page's Complete / Fail
 *   createSetupIntent / confirmSetupIntent / setupFailure  → the same for saving a card
 *   onPaymentIntentSettled / onSetupIntentSettled   → called whenever an intent succeeds, fails or is canceled
 */
import type Stripe from "stripe";
import type { Account } from "./accounts";
import { DECLINES, type Decline } from "./cards";
import { emulatorConfig } from "./config";
import { cardError, invalidRequest, unexpectedState, type StripeApiError } from "./errors";
import { openDispute } from "./disputes";
import { emitEvent } from "./events";
import { clientSecretFor, newId, nowSeconds } from "./ids";
import { recordBalanceTransaction } from "./resources/balance";
import { attachPaymentMethod, bankMethodDetails, cardOf } from "./resources/payment-methods";
import { activeMandateFor, createSepaMandate } from "./resources/mandates";
import { startMandateDebit } from "./bank-methods";

export type SetupFutureUsage = "off_session" | "on_session";

export interface PaymentIntentInit {
  amount: number;
  currency: string;
  customer?: string | null;
  paymentMethod?: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  setupFutureUsage?: SetupFutureUsage | null;
  receiptEmail?: string | null;
  statementDescriptor?: string | null;
  /** The emulator's own intents (Checkout, invoices) name their types; this API version has no such parameter. */
  paymentMethodTypes?: string[];
  /** `allowed_payment_method_types`, the API's filter on the offered types. */
  allowedPaymentMethodTypes?: string[];
  /** A test clock's time for objects that live on a clock. */
  created?: number;
}

export interface ConfirmOptions {
  /** Off-session: no customer present, so a card needing authentication fails instead of asking. */
  offSession?: boolean;
  /** Where the 3-D Secure page sends the browser back to (next_action.redirect_to_url). */
  returnUrl?: string | null;
  now?: number;
}

type IntentInternals = {
  /** Set while a 3-D Secure challenge is open for this intent. */
  awaitingAuthentication?: boolean;
  returnUrl?: string | null;
  offSession?: boolean;
};

type SettledListener = (account: Account, pi: Stripe.PaymentIntent) => void;
const settledListeners: SettledListener[] = [];

/** Billing uses this to mark invoices paid/failed when their PaymentIntent settles (e.g. after 3-D Secure). */
export function onPaymentIntentSettled(listener: SettledListener): void {
  settledListeners.push(listener);
}

/** Tells the listeners (Checkout, billing) that a PaymentIntent reached an end, also a debit settled days later. */
export function settled(account: Account, pi: Stripe.PaymentIntent): void {
  for (const listener of settledListeners) listener(account, pi);
}

type SetupSettledListener = (account: Account, si: Stripe.SetupIntent) => void;
const setupSettledListeners: SetupSettledListener[] = [];

/** Called whenever a SetupIntent succeeds, fails or is canceled (Checkout completes setup sessions with it). */
export function onSetupIntentSettled(listener: SetupSettledListener): void {
  setupSettledListeners.push(listener);
}

function setupSettled(account: Account, si: Stripe.SetupIntent): void {
  for (const listener of setupSettledListeners) listener(account, si);
}

export function createPaymentIntent(account: Account, init: PaymentIntentInit): Stripe.PaymentIntent {
  const id = newId("pi");
  const pi: Stripe.PaymentIntent = {
    id,
    object: "payment_intent",
    allowed_payment_method_types: init.allowedPaymentMethodTypes ?? null,
    amount: init.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: init.paymentMethodTypes ? null : { allow_redirects: "always", enabled: true },
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: clientSecretFor(id),
    confirmation_method: "automatic",
    created: init.created ?? nowSeconds(),
    currency: init.currency,
    customer: init.customer ?? null,
    customer_account: null,
    description: init.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: account.livemode,
    managed_payments: null,
    metadata: init.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: init.paymentMethod ?? null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: init.paymentMethodTypes ?? init.allowedPaymentMethodTypes ?? ["card"],
    payment_record: null,
    processing: null,
    receipt_email: init.receiptEmail ?? null,
    review: null,
    setup_future_usage: init.setupFutureUsage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: init.statementDescriptor ?? null,
    statement_descriptor_suffix: null,
    status: init.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  };
  account.insert(pi);
  emitEvent(account, "payment_intent.created", pi, null, { created: init.created });
  return pi;
}

function threeDSecureUrl(intentId: string, returnUrl: string | null | undefined): string {
  const url = new URL(`/3ds/${intentId}`, emulatorConfig.publicUrl);
  if (returnUrl) url.searchParams.set("return_url", returnUrl);
  return url.toString();
}

/** Stripe.js-style next action when no return_url was given, a redirect otherwise. */
function authenticationAction(intentId: string, returnUrl: string | null | undefined): Stripe.PaymentIntent.NextAction {
  if (returnUrl) return { type: "redirect_to_url", redirect_to_url: { url: threeDSecureUrl(intentId, returnUrl), return_url: returnUrl } };
  return {
    type: "use_stripe_sdk",
    use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: threeDSecureUrl(intentId, null), source: `src_${intentId.slice(-24)}` } as unknown as Stripe.PaymentIntent.NextAction.UseStripeSdk,
  };
}

type Outcome = { kind: "approve" } | { kind: "authenticate" } | { kind: "decline"; decline: Decline };

/** What a test card does for a payment, given whether 3-D Secure was just completed. */
function paymentOutcome(account: Account, pm: Stripe.PaymentMethod, offSession: boolean, authenticated: boolean): Outcome {
  const { card, setUpForOffSession } = cardOf(account, pm);
  switch (card.behaviour) {
    case "decline":
    case "attach_then_decline":
      return { kind: "decline", decline: card.decline ?? DECLINES.generic };
    case "authenticate_always":
      if (authenticated) return { kind: "approve" };
      return offSession ? { kind: "decline", decline: DECLINES.authenticationRequired } : { kind: "authenticate" };
    case "authenticate_unless_set_up":
      if (authenticated || (offSession && setUpForOffSession)) return { kind: "approve" };
      return offSession ? { kind: "decline", decline: DECLINES.authenticationRequired } : { kind: "authenticate" };
    default:
      return { kind: "approve" };
  }
}

function paymentMethodOf(account: Account, intent: { payment_method: string | Stripe.PaymentMethod | null }): Stripe.PaymentMethod {
  const id = typeof intent.payment_method === "string" ? intent.payment_method : intent.payment_method?.id;
  if (!id) throw new Error("intent has no payment method");
  return account.require<Stripe.PaymentMethod>(id, "payment_method", "PaymentMethod", "payment_method");
}

function customerId(value: string | { id: string } | null): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}

const CONFIRMABLE: Stripe.PaymentIntent.Status[] = ["requires_payment_method", "requires_confirmation", "requires_action"];

/**
 * Confirms with the intent's payment method. Never throws for a declined card: the intent ends in
 * requires_payment_method with last_payment_error (API routes then answer paymentFailure()).
 */
export function confirmPaymentIntent(account: Account, pi: Stripe.PaymentIntent, opts: ConfirmOptions = {}): Stripe.PaymentIntent {
  if (!CONFIRMABLE.includes(pi.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action.`,
      "payment_intent_unexpected_state",
    );
  }
  if (!pi.payment_method) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      "payment_intent_unexpected_state",
    );
  }
  const pm = paymentMethodOf(account, pi);
  const piCustomer = customerId(pi.customer);
  if (pm.customer && pm.customer !== piCustomer) {
    throw invalidRequest(
      piCustomer
        ? `The provided PaymentMethod belongs to a different Customer than the one on this PaymentIntent.`
        : `The provided PaymentMethod is attached to a Customer. To use it, also pass the Customer's id ('${customerId(pm.customer)}') as customer.`,
      "payment_method",
      "payment_intent_invalid_parameter",
    );
  }
  const internals = account.internal<IntentInternals>(pi.id);
  // A saved SEPA account is debited under its mandate: processing now, settled days later.
  if (pm.type === "sepa_debit") return startMandateDebit(account, pi, pm, opts.now);
  internals.offSession = !!opts.offSession;
  internals.returnUrl = opts.returnUrl ?? null;
  pi.last_payment_error = null;
  pi.next_action = null;
  return settlePayment(account, pi, pm, paymentOutcome(account, pm, !!opts.offSession, false), opts.now);
}

function settlePayment(account: Account, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, outcome: Outcome, now?: number): Stripe.PaymentIntent {
  const internals = account.internal<IntentInternals>(pi.id);
  if (outcome.kind === "authenticate") {
    pi.status = "requires_action";
    pi.next_action = authenticationAction(pi.id, internals.returnUrl);
    internals.awaitingAuthentication = true;
    emitEvent(account, "payment_intent.requires_action", pi, null, { created: now });
    return pi;
  }
  internals.awaitingAuthentication = false;
  pi.next_action = null;
  const charge = createCharge(account, pi, pm, outcome.kind === "decline" ? outcome.decline : null, now);
  pi.latest_charge = charge.id;
  if (outcome.kind === "decline") {
    pi.status = "requires_payment_method";
    pi.last_payment_error = {
      type: "card_error",
      charge: charge.id,
      code: outcome.decline.code,
      decline_code: outcome.decline.decline_code,
      doc_url: `https://stripe.com/docs/error-codes/${outcome.decline.code.replace(/_/g, "-")}`,
      message: outcome.decline.message,
      payment_method: structuredClone(pm),
      payment_method_type: "card",
    };
    // Stripe detaches the failed method from the intent so the customer must pick again.
    pi.payment_method = null;
    emitEvent(account, "charge.failed", charge, null, { created: now });
    emitEvent(account, "payment_intent.payment_failed", pi, null, { created: now });
    settled(account, pi);
    return pi;
  }
  pi.status = "succeeded";
  pi.amount_received = pi.amount;
  const piCustomer = customerId(pi.customer);
  if (pi.setup_future_usage && piCustomer) {
    attachPaymentMethod(account, pm, piCustomer);
    cardOf(account, pm).setUpForOffSession = true;
  }
  emitEvent(account, "charge.succeeded", charge, null, { created: now });
  emitEvent(account, "payment_intent.succeeded", pi, null, { created: now });
  const disputeReason = cardOf(account, pm).card.dispute;
  if (disputeReason) openDispute(account, charge, { status: "needs_response", reason: disputeReason });
  settled(account, pi);
  return pi;
}

/** The 402 answer for a confirm that ended declined (Stripe's card_error with the intent inside), else null. */
export function paymentFailure(account: Account, pi: Stripe.PaymentIntent): StripeApiError | null {
  const e = pi.last_payment_error;
  if (pi.status !== "requires_payment_method" || !e || e.type !== "card_error") return null;
  return cardError({
    code: e.code ?? "card_declined",
    decline_code: e.decline_code,
    message: e.message ?? "Your card was declined.",
    charge: e.charge,
    payment_intent: structuredClone(pi),
    payment_method: e.payment_method,
  });
}

/**
 * A charge for the intent. Bank methods (bank-methods.ts) have no card: their details are the
 * method's own, and a SEPA debit's charge starts `pending` (no money yet, no balance transaction)
 * until it is settled.
 */
export function createCharge(account: Account, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, decline: Decline | null, now?: number, opts: { pending?: boolean } = {}): Stripe.Charge {
  const card = pm.card;
  const pending = !!opts.pending && !decline;
  const created = now ?? nowSeconds();
  const id = newId("ch");
  const charge: Stripe.Charge = {
    id,
    object: "charge",
    amount: pi.amount,
    amount_captured: decline || pending ? 0 : pi.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: null,
    billing_details: structuredClone(pm.billing_details),
    calculated_statement_descriptor: "EMULATOR",
    captured: !decline,
    created,
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: decline?.code ?? null,
    failure_message: decline?.message ?? null,
    fraud_details: {},
    livemode: account.livemode,
    metadata: structuredClone(pi.metadata),
    on_behalf_of: null,
    outcome: decline
      ? {
          advice_code: decline.code === "authentication_required" ? "try_again_later" : "do_not_try_again",
          network_advice_code: null,
          network_decline_code: null,
          network_status: "declined_by_network",
          reason: decline.decline_code,
          risk_level: "normal",
          seller_message: "The bank did not return any further details with this decline.",
          type: "issuer_declined",
        }
      : {
          advice_code: null,
          network_advice_code: null,
          network_decline_code: null,
          network_status: "approved_by_network",
          reason: null,
          risk_level: "normal",
          seller_message: "Payment complete.",
          type: "authorized",
        },
    paid: !decline && !pending,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: !card ? bankMethodDetails(pm, pm.type === "sepa_debit" ? (activeMandateFor(account, pm.id)?.id ?? null) : null) : {
      type: "card",
      card: {
        amount_authorized: decline ? null : pi.amount,
        authorization_code: decline ? null : "123456",
        brand: card.brand,
        checks: card.checks,
        country: card.country,
        electronic_commerce_indicator: null,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint,
        funding: card.funding,
        installments: null,
        last4: card.last4,
        mandate: null,
        network: card.brand,
        network_transaction_id: decline ? null : newId("ntx").slice(4, 19),
        regulated_status: card.regulated_status,
        three_d_secure: null,
        transaction_link_id: null,
        wallet: null,
      },
    },
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: decline ? null : `${emulatorConfig.publicUrl}/receipts/${id}`,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: null,
    status: decline ? "failed" : pending ? "pending" : "succeeded",
    transfer_data: null,
    transfer_group: null,
  };
  account.insert(charge);
  if (!decline && !pending) {
    charge.balance_transaction = recordBalanceTransaction(account, {
      amount: charge.amount,
      currency: charge.currency,
      source: charge.id,
      type: "charge",
      description: charge.description,
      created,
    }).id;
  }
  return charge;
}

export function cancelPaymentIntent(account: Account, pi: Stripe.PaymentIntent, reason: Stripe.PaymentIntent.CancellationReason | null): Stripe.PaymentIntent {
  if (pi.status === "succeeded" || pi.status === "canceled") {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
      "payment_intent_unexpected_state",
    );
  }
  pi.status = "canceled";
  pi.canceled_at = nowSeconds();
  pi.cancellation_reason = reason;
  pi.next_action = null;
  account.internal<IntentInternals>(pi.id).awaitingAuthentication = false;
  emitEvent(account, "payment_intent.canceled", pi);
  settled(account, pi);
  return pi;
}

// ---------------------------------------------------------------------------------------------
// SetupIntents

export interface SetupIntentInit {
  customer?: string | null;
  paymentMethod?: string | null;
  usage?: "off_session" | "on_session";
  metadata?: Record<string, string>;
  description?: string | null;
  /** The emulator's own intents (Checkout) name their types; this API version has no such parameter. */
  paymentMethodTypes?: string[];
  /** `allowed_payment_method_types`, the API's filter on the offered types. */
  allowedPaymentMethodTypes?: string[];
}

export function createSetupIntent(account: Account, init: SetupIntentInit): Stripe.SetupIntent {
  const id = newId("seti");
  const si: Stripe.SetupIntent = {
    id,
    object: "setup_intent",
    allowed_payment_method_types: init.allowedPaymentMethodTypes ?? null,
    application: null,
    automatic_payment_methods: init.paymentMethodTypes ? null : { allow_redirects: "always", enabled: true },
    cancellation_reason: null,
    client_secret: clientSecretFor(id),
    created: nowSeconds(),
    customer: init.customer ?? null,
    description: init.description ?? null,
    excluded_payment_method_types: null,
    flow_directions: null,
    last_setup_error: null,
    latest_attempt: null,
    livemode: account.livemode,
    mandate: null,
    metadata: init.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: init.paymentMethod ?? null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: init.paymentMethodTypes ?? init.allowedPaymentMethodTypes ?? ["card"],
    single_use_mandate: null,
    status: init.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    usage: init.usage ?? "off_session",
  };
  account.insert(si);
  emitEvent(account, "setup_intent.created", si);
  return si;
}

export function confirmSetupIntent(account: Account, si: Stripe.SetupIntent, opts: { returnUrl?: string | null; mandateAcceptance?: { ipAddress?: string | null; userAgent?: string | null } } = {}): Stripe.SetupIntent {
  if (!["requires_payment_method", "requires_confirmation", "requires_action"].includes(si.status)) {
    throw unexpectedState(
      `You cannot confirm this SetupIntent because it has a status of ${si.status}. Only a SetupIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action.`,
      "setup_intent_unexpected_state",
    );
  }
  if (!si.payment_method) {
    throw unexpectedState(
      "You cannot confirm this SetupIntent because it's missing a payment method. Update the SetupIntent with a payment method and then confirm it again.",
      "setup_intent_unexpected_state",
    );
  }
  const pm = paymentMethodOf(account, si);
  const siCustomer = customerId(si.customer);
  if (pm.customer && pm.customer !== siCustomer) {
    throw invalidRequest("The provided PaymentMethod belongs to a different Customer than the one on this SetupIntent.", "payment_method", "setup_intent_invalid_parameter");
  }
  const internals = account.internal<IntentInternals>(si.id);
  internals.returnUrl = opts.returnUrl ?? null;
  si.last_setup_error = null;
  si.next_action = null;
  if (pm.type === "sepa_debit") {
    // A SEPA SetupIntent needs the payer's acceptance of the mandate, which Checkout's page
    // collects with the IBAN; the API route takes no mandate_data in the emulator.
    // https://docs.stripe.com/api/setup_intents/confirm#confirm_setup_intent-mandate_data
    if (!opts.mandateAcceptance) throw invalidRequest("A SEPA Direct Debit SetupIntent needs `mandate_data` (the customer's acceptance of the mandate) to be confirmed.", "mandate_data", "parameter_missing");
    si.mandate = createSepaMandate(account, pm, opts.mandateAcceptance).id;
    return succeedSetup(account, si, pm);
  }
  const { card, setUpForOffSession } = cardOf(account, pm);
  if (card.behaviour === "decline") return failSetup(account, si, pm, card.decline ?? DECLINES.generic);
  const needsAuth = card.behaviour === "authenticate_always" || (card.behaviour === "authenticate_unless_set_up" && !setUpForOffSession);
  if (needsAuth) {
    si.status = "requires_action";
    si.next_action = authenticationAction(si.id, internals.returnUrl) as Stripe.SetupIntent.NextAction;
    internals.awaitingAuthentication = true;
    emitEvent(account, "setup_intent.requires_action", si);
    return si;
  }
  return succeedSetup(account, si, pm);
}

function succeedSetup(account: Account, si: Stripe.SetupIntent, pm: Stripe.PaymentMethod): Stripe.SetupIntent {
  account.internal<IntentInternals>(si.id).awaitingAuthentication = false;
  const siCustomer = customerId(si.customer);
  if (siCustomer) attachPaymentMethod(account, pm, siCustomer);
  if (si.usage === "off_session" && pm.type === "card") cardOf(account, pm).setUpForOffSession = true;
  si.status = "succeeded";
  si.next_action = null;
  si.latest_attempt = newId("setatt");
  emitEvent(account, "setup_intent.succeeded", si);
  setupSettled(account, si);
  return si;
}

function failSetup(account: Account, si: Stripe.SetupIntent, pm: Stripe.PaymentMethod, decline: Decline): Stripe.SetupIntent {
  account.internal<IntentInternals>(si.id).awaitingAuthentication = false;
  si.status = "requires_payment_method";
  si.last_setup_error = {
    type: "card_error",
    code: decline.code,
    decline_code: decline.decline_code,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, "-")}`,
    message: decline.message,
    payment_method: structuredClone(pm),
    payment_method_type: "card",
  };
  si.payment_method = null;
  emitEvent(account, "setup_intent.setup_failed", si);
  setupSettled(account, si);
  return si;
}

export function setupFailure(si: Stripe.SetupIntent): StripeApiError | null {
  const e = si.last_setup_error;
  if (si.status !== "requires_payment_method" || !e || e.type !== "card_error") return null;
  return cardError({
    code: e.code ?? "card_declined",
    decline_code: e.decline_code,
    message: e.message ?? "Your card was declined.",
    setup_intent: structuredClone(si),
    payment_method: e.payment_method,
  });
}

export function cancelSetupIntent(account: Account, si: Stripe.SetupIntent, reason: Stripe.SetupIntent.CancellationReason | null): Stripe.SetupIntent {
  if (si.status === "succeeded" || si.status === "canceled") {
    throw unexpectedState(`You cannot cancel this SetupIntent because it has a status of ${si.status}.`, "setup_intent_unexpected_state");
  }
  si.status = "canceled";
  si.cancellation_reason = reason;
  si.next_action = null;
  emitEvent(account, "setup_intent.canceled", si);
  setupSettled(account, si);
  return si;
}

// ---------------------------------------------------------------------------------------------
// 3-D Secure

export function isAwaitingAuthentication(account: Account, intentId: string): boolean {
  return !!account.internal<IntentInternals>(intentId).awaitingAuthentication;
}

export function intentReturnUrl(account: Account, intentId: string): string | null {
  return account.internal<IntentInternals>(intentId).returnUrl ?? null;
}

/** Where the 3-D Secure page returns for an intent confirmed elsewhere (e.g. a subscription's first invoice in Checkout). */
export function setIntentReturnUrl(account: Account, intentId: string, returnUrl: string): void {
  account.internal<IntentInternals>(intentId).returnUrl = returnUrl;
}

/**
 * The outcome of the 3-D Secure challenge for a PaymentIntent (`pi_…`) or SetupIntent (`seti_…`)
 * in requires_action: Complete charges / saves the card, Fail leaves it requires_payment_method.
 */
export function completeAuthentication(account: Account, intentId: string, success: boolean): Stripe.PaymentIntent | Stripe.SetupIntent {
  if (!isAwaitingAuthentication(account, intentId)) throw invalidRequest(`No 3-D Secure challenge is open for '${intentId}'.`, "intent");
  if (intentId.startsWith("seti_")) {
    const si = account.require<Stripe.SetupIntent>(intentId, "setup_intent", "setup_intent");
    const pm = paymentMethodOf(account, si);
    if (success) return succeedSetup(account, si, pm);
    account.internal<IntentInternals>(si.id).awaitingAuthentication = false;
    si.status = "requires_payment_method";
    si.next_action = null;
    si.last_setup_error = {
      type: "invalid_request_error",
      code: "setup_intent_authentication_failure",
      doc_url: "https://stripe.com/docs/error-codes/setup-intent-authentication-failure",
      message: "The latest attempt to set up the payment method has failed because authentication failed.",
      payment_method: structuredClone(pm),
      payment_method_type: "card",
    };
    si.payment_method = null;
    emitEvent(account, "setup_intent.setup_failed", si);
    setupSettled(account, si);
    return si;
  }
  const pi = account.require<Stripe.PaymentIntent>(intentId, "payment_intent", "payment_intent");
  const pm = paymentMethodOf(account, pi);
  if (success) {
    const outcome = paymentOutcome(account, pm, false, true);
    const result = settlePayment(account, pi, pm, outcome);
    if (result.status === "succeeded" && pi.setup_future_usage) cardOf(account, pm).setUpForOffSession = true;
    return result;
  }
  account.internal<IntentInternals>(pi.id).awaitingAuthentication = false;
  pi.status = "requires_payment_method";
  pi.next_action = null;
  pi.last_payment_error = {
    type: "invalid_request_error",
    code: "payment_intent_authentication_failure",
    doc_url: "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
    message: "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
    payment_method: structuredClone(pm),
    payment_method_type: "card",
  };
  pi.payment_method = null;
  emitEvent(account, "payment_intent.payment_failed", pi);
  settled(account, pi);
  return pi;
}
