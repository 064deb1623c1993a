import type Stripe from "stripe";
import type { Account } from "./accounts";
import { confirmSetupIntent, createCharge, createPaymentIntent, createSetupIntent, settled } from "./charging";
import { invalidRequest } from "./errors";
import { emitEvent } from "./events";
import { openDispute } from "./disputes";
import { nowSeconds } from "./ids";
import { recordBalanceTransaction } from "./resources/balance";
import { finish, sessionInternals, type CheckoutAttempt } from "./resources/checkout-sessions";
import { createCustomer } from "./resources/customers";
import { activeMandateFor } from "./resources/mandates";
import { createBankPaymentMethod, ibanOf, type BankMethodType } from "./resources/payment-methods";

/**
 * Bank payment methods in Checkout's payment mode, as Stripe documents them:
 * - iDEAL and Bancontact redirect to the bank, where the payer authorizes (or not); authorized, the
 *   payment succeeds at once like a card's (https://docs.stripe.com/payments/ideal,
 *   https://docs.stripe.com/payments/bancontact).
 * - SEPA Direct Debit is a delayed-notification method: Checkout completes with
 *   `payment_status: "unpaid"` while the PaymentIntent is `processing` (its charge `pending`); days
 *   later it succeeds or fails (https://docs.stripe.com/payments/sepa-debit/accept-a-payment,
 *   https://docs.stripe.com/checkout/fulfillment#delayed-notification). Here that is
 *   EMULATOR_DEBIT_SETTLE_MS later (default 3 minutes) or at `POST /_control/debits/settle`.
 * The test IBANs are Stripe's (https://docs.stripe.com/testing#sepa-direct-debit): one account
 * succeeds, one fails after processing, one succeeds and is then disputed. Any other well-formed
 * IBAN succeeds.
 */
export const BANK_METHODS: readonly BankMethodType[] = ["sepa_debit", "ideal", "bancontact"];
export const isBankMethod = (type: string): type is BankMethodType => (BANK_METHODS as readonly string[]).includes(type);

type DebitOutcome = "succeeds" | "fails" | "disputed";
const TEST_IBANS: Record<string, DebitOutcome> = {
  AT611904300234573201: "succeeds",
  AT861904300235473202: "fails",
  AT591904300235473203: "disputed",
  BE62510007547061: "succeeds",
  DE89370400440532013000: "succeeds",
  DE62370400440532013001: "fails",
  DE35370400440532013002: "disputed",
  NL39RABO0300065264: "succeeds",
  NL91ABNA0417164300: "fails",
};

/** ISO 13616 check digits (mod 97), so a mistyped IBAN is refused on the page as Stripe's field does. */
export function ibanProblem(raw: string): string | null {
  const iban = raw.replace(/\s/g, "").toUpperCase();
  if (!iban) return "Your IBAN is incomplete.";
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return "Your IBAN is invalid.";
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1 ? null : "Your IBAN is invalid.";
}

export interface BankEntry {
  type: BankMethodType;
  iban?: string;
  email: string | null;
  name: string | null;
}

interface Pending {
  account: Account;
  /** The Checkout Session that took the debit; null for a debit under a saved mandate (off-session, invoices). */
  sessionId: string | null;
  outcome: DebitOutcome;
  timer: NodeJS.Timeout;
}
/** Debits processing, by PaymentIntent id. */
const processing = new Map<string, Pending>();
/** Redirect payments waiting for the bank page, by PaymentIntent id. */
const redirects = new Map<string, { account: Account; sessionId: string; embedded: boolean }>();

function settleDelayMs(): number {
  const value = Number(process.env.EMULATOR_DEBIT_SETTLE_MS);
  return process.env.EMULATOR_DEBIT_SETTLE_MS && Number.isFinite(value) && value >= 0 ? value : 180_000;
}

/** One attempt to pay an open payment-mode session with a bank method. */
export function startBankPayment(account: Account, session: Stripe.Checkout.Session, entry: BankEntry, opts: { embedded?: boolean } = {}): CheckoutAttempt {
  if (session.mode !== "payment") return { status: "failed", message: "The emulator takes bank methods in payment mode only." };
  if (!session.payment_method_types.includes(entry.type)) return { status: "failed", message: `This Checkout Session does not accept ${entry.type}.` };
  const internals = sessionInternals(account, session.id);
  account.internal<{ entry?: { email: string | null; name: string | null } }>(session.id).entry = { email: entry.email, name: entry.name };
  const pm = createBankPaymentMethod(account, entry.type, entry);
  const pi = createPaymentIntent(account, {
    amount: session.amount_total ?? 0,
    currency: session.currency ?? "eur",
    customer: (session.customer as string | null) ?? null,
    metadata: internals.paymentIntentData.metadata ?? {},
    setupFutureUsage: null,
    description: internals.paymentIntentData.description ?? null,
    receiptEmail: internals.paymentIntentData.receiptEmail ?? null,
    statementDescriptor: internals.paymentIntentData.statementDescriptor ?? null,
    paymentMethodTypes: [entry.type],
  });
  internals.intentId = pi.id;
  session.payment_intent = pi.id;
  pi.payment_method = pm.id;
  if (entry.type !== "sepa_debit") {
    // Confirmed, the payer is sent to the bank: requires_action with a redirect.
    pi.status = "requires_action";
    const url = `/c/bank/${encodeURIComponent(pi.id)}${opts.embedded ? "?embedded=1" : ""}`;
    pi.next_action = { type: "redirect_to_url", redirect_to_url: { return_url: null, url } };
    redirects.set(pi.id, { account, sessionId: session.id, embedded: !!opts.embedded });
    emitEvent(account, "payment_intent.requires_action", pi);
    return { status: "redirect", url };
  }
  // SEPA: the mandate is accepted with the IBAN; the debit is submitted and processing.
  const charge = createCharge(account, pi, pm, null, undefined, { pending: true });
  pi.latest_charge = charge.id;
  pi.status = "processing";
  emitEvent(account, "charge.pending", charge);
  emitEvent(account, "payment_intent.processing", pi);
  finish(account, session, null, "unpaid");
  awaitDebit(account, pi.id, session.id, entry.iban ?? "");
  return { status: "complete" };
}

const outcomeOf = (iban: string): DebitOutcome => TEST_IBANS[iban.replace(/\s/g, "").toUpperCase()] ?? "succeeds";

function awaitDebit(account: Account, intentId: string, sessionId: string | null, iban: string): void {
  const timer = setTimeout(() => settleDebit(intentId), settleDelayMs());
  timer.unref();
  processing.set(intentId, { account, sessionId, outcome: outcomeOf(iban), timer });
}

/**
 * Setup mode with SEPA Direct Debit: the IBAN and the payer's acceptance of the mandate are taken on
 * the page; the SetupIntent succeeds at once with a multi-use Mandate and the PaymentMethod is
 * attached to the customer. Nothing is debited now.
 * https://docs.stripe.com/payments/sepa-debit/set-up-payment?payment-ui=checkout
 */
export function startBankSetup(account: Account, session: Stripe.Checkout.Session, entry: BankEntry, acceptance: { ipAddress?: string | null; userAgent?: string | null }): CheckoutAttempt {
  if (session.mode !== "setup" || entry.type !== "sepa_debit") return { status: "failed", message: "The emulator sets up SEPA Direct Debit only among bank methods." };
  if (!session.payment_method_types.includes("sepa_debit")) return { status: "failed", message: "This Checkout Session does not accept sepa_debit." };
  const internals = sessionInternals(account, session.id);
  account.internal<{ entry?: { email: string | null; name: string | null } }>(session.id).entry = { email: entry.email, name: entry.name };
  if (!session.customer && session.customer_creation === "always") session.customer = createCustomer(account, { email: entry.email ?? session.customer_email, name: entry.name }).id;
  const pm = createBankPaymentMethod(account, "sepa_debit", entry);
  const si = createSetupIntent(account, {
    customer: (session.customer as string | null) ?? null,
    paymentMethod: pm.id,
    usage: "off_session",
    metadata: internals.setupIntentData.metadata ?? {},
    description: internals.setupIntentData.description ?? null,
    paymentMethodTypes: session.payment_method_types,
  });
  si.payment_method_options = { sepa_debit: { mandate_options: {} } } as Stripe.SetupIntent.PaymentMethodOptions;
  internals.intentId = si.id;
  session.setup_intent = si.id;
  confirmSetupIntent(account, si, { mandateAcceptance: acceptance });
  finish(account, session, { email: entry.email, name: entry.name });
  return { status: "complete" };
}

/**
 * A PaymentIntent confirmed with a saved SEPA account (off-session charges, subscription invoices):
 * Stripe refuses it without an active mandate for that payment method and outside EUR; otherwise
 * the debit is submitted — PaymentIntent `processing`, charge `pending` naming the mandate — and
 * settles later as the IBAN says. https://docs.stripe.com/payments/sepa-debit/set-up-payment,
 * https://docs.stripe.com/payments/paymentintents/lifecycle
 */
export function startMandateDebit(account: Account, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, now?: number): Stripe.PaymentIntent {
  if (pi.currency !== "eur") {
    throw invalidRequest(`The currency provided (${pi.currency}) is invalid. Payments with sepa_debit support the following currencies: eur.`, "currency");
  }
  if (!pi.payment_method_types.includes("sepa_debit")) {
    const filtered = pi.allowed_payment_method_types && !pi.allowed_payment_method_types.includes("sepa_debit");
    if (!pi.automatic_payment_methods?.enabled || filtered) {
      throw invalidRequest(
        `The PaymentMethod provided (sepa_debit) is not allowed for this PaymentIntent. Please attach a PaymentMethod of one of the following types: ${pi.payment_method_types.join(", ")}.`,
        "payment_method",
        "payment_intent_invalid_parameter",
      );
    }
    // Dynamic payment methods: SEPA is one of the account's methods in EUR.
    pi.payment_method_types = [...pi.payment_method_types, "sepa_debit"];
  }
  const mandate = activeMandateFor(account, pm.id);
  if (!mandate) {
    throw invalidRequest(
      "This PaymentIntent's sepa_debit PaymentMethod has no active mandate. Set it up with a SetupIntent (or Checkout in setup mode) first, or pass `mandate_data` when confirming on-session.",
      "mandate_data",
      "parameter_missing",
    );
  }
  pi.last_payment_error = null;
  pi.next_action = null;
  const charge = createCharge(account, pi, pm, null, now, { pending: true });
  pi.latest_charge = charge.id;
  pi.status = "processing";
  emitEvent(account, "charge.pending", charge, null, { created: now });
  emitEvent(account, "payment_intent.processing", pi, null, { created: now });
  awaitDebit(account, pi.id, null, ibanOf(account, pm));
  return pi;
}

/** The bank page's answer for a redirect payment: authorized succeeds at once, refused leaves the session open. */
export function answerBankRedirect(intentId: string, authorize: boolean): { account: Account; session: Stripe.Checkout.Session; embedded: boolean; pi: Stripe.PaymentIntent } | null {
  const waiting = redirects.get(intentId);
  if (!waiting) return null;
  redirects.delete(intentId);
  const { account, sessionId, embedded } = waiting;
  const pi = account.get<Stripe.PaymentIntent>(intentId, "payment_intent")!;
  const session = account.get<Stripe.Checkout.Session>(sessionId, "checkout.session")!;
  const pm = account.get<Stripe.PaymentMethod>(pi.payment_method as string, "payment_method")!;
  pi.next_action = null;
  if (authorize) succeed(account, pi, pm);
  else fail(account, pi, pm, { code: "payment_intent_payment_attempt_failed", message: "The customer did not authorize this payment at their bank." });
  if (authorize && session.status === "open") finish(account, session, null, "paid");
  return { account, session, embedded, pi };
}

/** Whether a redirect payment waits for its bank page. */
export const awaitsBank = (intentId: string) => redirects.has(intentId);

function succeed(account: Account, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, charge?: Stripe.Charge): Stripe.Charge {
  const now = nowSeconds();
  if (charge) {
    charge.status = "succeeded";
    charge.paid = true;
    charge.amount_captured = charge.amount;
    charge.balance_transaction = recordBalanceTransaction(account, { amount: charge.amount, currency: charge.currency, source: charge.id, type: "charge", description: charge.description, created: now }).id;
  } else {
    charge = createCharge(account, pi, pm, null, now);
    pi.latest_charge = charge.id;
  }
  pi.status = "succeeded";
  pi.amount_received = pi.amount;
  emitEvent(account, "charge.succeeded", charge);
  emitEvent(account, "payment_intent.succeeded", pi);
  return charge;
}

function fail(account: Account, pi: Stripe.PaymentIntent, pm: Stripe.PaymentMethod, why: { code: string; message: string }, charge?: Stripe.Charge): void {
  if (charge) {
    charge.status = "failed";
    charge.failure_code = why.code;
    charge.failure_message = why.message;
    emitEvent(account, "charge.failed", charge);
  }
  pi.status = "requires_payment_method";
  pi.last_payment_error = { type: "invalid_request_error", code: why.code, message: why.message, payment_method: structuredClone(pm), payment_method_type: pm.type, ...(charge ? { charge: charge.id } : {}) };
  pi.payment_method = null;
  emitEvent(account, "payment_intent.payment_failed", pi);
}

/** A processing debit ends, in Stripe's order: the charge, the PaymentIntent, then Checkout's async event. */
function settleDebit(intentId: string): boolean {
  const entry = processing.get(intentId);
  if (!entry) return false;
  clearTimeout(entry.timer);
  processing.delete(intentId);
  const { account, sessionId, outcome } = entry;
  const pi = account.get<Stripe.PaymentIntent>(intentId, "payment_intent");
  const session = sessionId ? account.get<Stripe.Checkout.Session>(sessionId, "checkout.session") : null;
  if (!pi || (sessionId && !session) || pi.status !== "processing") return false;
  const pm = account.get<Stripe.PaymentMethod>(pi.payment_method as string, "payment_method")!;
  const charge = account.get<Stripe.Charge>(pi.latest_charge as string, "charge")!;
  if (outcome === "fails") {
    fail(account, pi, pm, { code: "insufficient_funds", message: "The customer's account has insufficient funds to cover this payment." }, charge);
    if (session) emitEvent(account, "checkout.session.async_payment_failed", session);
    settled(account, pi);
    return true;
  }
  succeed(account, pi, pm, charge);
  if (session) {
    session.payment_status = "paid";
    emitEvent(account, "checkout.session.async_payment_succeeded", session);
  }
  // An invoice paid by the debit follows it (billing listens).
  settled(account, pi);
  // The payer's bank takes it back: a SEPA dispute is lost from the start (disputes.ts).
  if (outcome === "disputed") openDispute(account, charge, { status: "lost", reason: "general" });
  return true;
}

/** Settles every processing debit (of one account when given) now; returns the PaymentIntent ids. */
export function settleDebits(accountId?: string): string[] {
  const done: string[] = [];
  for (const [intentId, entry] of processing) {
    if (accountId && entry.account.id !== accountId) continue;
    if (settleDebit(intentId)) done.push(intentId);
  }
  return done;
}

export function resetBankMethods(): void {
  for (const entry of processing.values()) clearTimeout(entry.timer);
  processing.clear();
  redirects.clear();
}
