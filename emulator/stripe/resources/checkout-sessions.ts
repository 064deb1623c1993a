import type Stripe from "stripe";
import type { Account } from "../accounts";
import type { TestCard } from "../cards";
import {
  confirmPaymentIntent,
  confirmSetupIntent,
  createPaymentIntent,
  createSetupIntent,
  onPaymentIntentSettled,
  onSetupIntentSettled,
  setIntentReturnUrl,
  type SetupFutureUsage,
} from "../charging";
import { emulatorConfig } from "../config";
import { StripeApiError, invalidParam, invalidRequest, missingParam } from "../errors";
import { emitEvent } from "../events";
import { registerVirtualExpansion } from "../expand";
import { clientSecretFor, newId, nowSeconds } from "../ids";
import { embeddedList, paginate, rangeFilter } from "../list";
import type { Params } from "../params";
import { route } from "../route";
import { createPrice } from "./catalog";
import { billingNow } from "../billing/time";
import { checkCheckoutParams, checkLineItems, checkMethodCurrency, checkSubscriptionTrial, type UiMode } from "./checkout-rules";
import { createCustomer } from "./customers";
import { attachPaymentMethod, createCardPaymentMethod } from "./payment-methods";

/**
 * Checkout Sessions in payment, setup and subscription mode, hosted (`url`) or embedded
 * (`client_secret`). The session is completed by the emulator's checkout page (pages/checkout.ts)
 * through completeCheckout(); PaymentIntents/SetupIntents are created then, as Stripe does.
 */
interface SessionInternals extends Record<string, unknown> {
  lineItems: Stripe.LineItem[];
  paymentIntentData: { metadata?: Record<string, string>; setupFutureUsage?: SetupFutureUsage; description?: string; receiptEmail?: string; statementDescriptor?: string };
  setupIntentData: { metadata?: Record<string, string>; description?: string };
  subscriptionData: { metadata?: Record<string, string>; description?: string; trialPeriodDays?: number; trialEnd?: number };
  redirectOnCompletion: Stripe.Checkout.Session.RedirectOnCompletion;
  /** The PaymentIntent/SetupIntent of the current attempt; a retry after a decline reuses it. */
  intentId?: string;
}

export function sessionInternals(account: Account, id: string): SessionInternals {
  return account.internal<SessionInternals>(id);
}

// --- subscription mode: billing (stripe/billing) plugs its subscription creation in here ---------

export interface CheckoutSubscriptionRequest {
  session: Stripe.Checkout.Session;
  customer: string;
  paymentMethod: string;
  items: { price: string; quantity: number }[];
  metadata: Record<string, string>;
  description?: string;
  trialPeriodDays?: number;
  trialEnd?: number;
}

export interface CheckoutSubscriptionResult {
  subscription: Stripe.Subscription;
  /** The first invoice's PaymentIntent, already confirmed on-session with the card; null when nothing is due (trial). */
  paymentIntent: Stripe.PaymentIntent | null;
  invoice: string | null;
}

type SubscriptionCreator = (account: Account, request: CheckoutSubscriptionRequest) => CheckoutSubscriptionResult;
let subscriptionCreator: SubscriptionCreator | null = null;

/** Billing registers how a completed subscription-mode session creates its subscription. */
export function registerCheckoutSubscriptionCreator(creator: SubscriptionCreator): void {
  subscriptionCreator = creator;
}

// --- create -----------------------------------------------------------------------------------

function lineItemFrom(account: Account, item: Params, index: number): Stripe.LineItem {
  const priceId = item.string("price");
  const priceData = item.object("price_data");
  if (priceId && priceData) throw invalidRequest(`You may only specify one of these parameters: price, price_data.`, `line_items[${index}][price]`);
  let price: Stripe.Price;
  if (priceId) price = account.require<Stripe.Price>(priceId, "price", "price", `line_items[${index}][price]`);
  else if (priceData) price = createPrice(account, priceData, { inline: true });
  else throw missingParam(`line_items[${index}][price]`);
  if (priceId && !price.active) throw invalidParam(`line_items[${index}][price]`, `The price specified is inactive. This field only accepts active prices.`);
  const quantity = item.integer("quantity");
  if (quantity === undefined) throw missingParam(`line_items[${index}][quantity]`);
  if (quantity < 1) throw invalidParam(`line_items[${index}][quantity]`, "This value must be greater than or equal to 1.");
  const product = account.get<Stripe.Product>(price.product as string, "product");
  const amount = (price.unit_amount ?? 0) * quantity;
  return {
    id: newId("li"),
    object: "item",
    adjustable_quantity: null,
    amount_discount: 0,
    amount_subtotal: amount,
    amount_tax: 0,
    amount_total: amount,
    currency: price.currency,
    description: product?.name ?? null,
    metadata: item.metadata() ?? {},
    price: structuredClone(price),
    quantity,
  };
}

function uiModeOf(params: Params): UiMode {
  const raw = params.string("ui_mode") ?? "hosted_page";
  // The older names (`hosted`, `embedded`) are still accepted, as Stripe does.
  if (raw === "hosted" || raw === "hosted_page") return "hosted_page";
  if (raw === "embedded" || raw === "embedded_page") return "embedded_page";
  throw invalidParam("ui_mode", `The emulator supports ui_mode hosted_page and embedded_page, not '${raw}'.`);
}

function createSession(account: Account, params: Params): Stripe.Checkout.Session {
  const mode = params.enumOf("mode", ["payment", "setup", "subscription"] as const);
  if (!mode) throw missingParam("mode");
  const uiMode = uiModeOf(params);
  const now = nowSeconds();
  const checked = checkCheckoutParams(params, mode, uiMode, now);
  const { redirectOnCompletion, expiresAt } = checked;
  const customer = params.string("customer");
  const customerEmail = params.string("customer_email");
  if (customer) account.require<Stripe.Customer>(customer, "customer", "customer", "customer");
  const customerCreation = params.enumOf("customer_creation", ["always", "if_required"] as const);
  const successUrl = params.string("success_url");
  const cancelUrl = params.string("cancel_url");
  const returnUrl = params.string("return_url");

  const lineItems = params.list("line_items").map((item, i) => lineItemFrom(account, item, i));
  const { currency: lineCurrency, total } = checkLineItems(mode, lineItems);
  const currency = lineCurrency ?? checked.currency;
  checkMethodCurrency(checked.allowedPaymentMethodTypes, currency);

  const pid = params.object("payment_intent_data");
  const sid = params.object("setup_intent_data");
  const subd = params.object("subscription_data");
  const trial = checkSubscriptionTrial(subd, customer ? billingNow(account, customer) : now);

  const id = newId(account.livemode ? "cs_live" : "cs_test");
  const session: Stripe.Checkout.Session = {
    id,
    object: "checkout.session",
    adaptive_pricing: null,
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: checked.allowedPaymentMethodTypes,
    amount_subtotal: mode === "setup" ? null : total,
    amount_total: mode === "setup" ? null : total,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: cancelUrl ?? null,
    client_reference_id: params.string("client_reference_id") ?? null,
    client_secret: uiMode === "embedded_page" ? clientSecretFor(id) : null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: now,
    currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: customer ?? null,
    customer_account: null,
    customer_creation: mode !== "subscription" && !customer ? (customerCreation ?? "if_required") : null,
    customer_details: customer || customerEmail ? { address: null, business_name: null, email: customerEmail ?? account.get<Stripe.Customer>(customer!, "customer")?.email ?? null, individual_name: null, name: null, phone: null, tax_exempt: "none", tax_ids: null } : null,
    customer_email: customerEmail ?? null,
    discounts: [],
    expires_at: expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: null,
    livemode: account.livemode,
    locale: (params.string("locale") as Stripe.Checkout.Session.Locale | undefined) ?? null,
    managed_payments: null,
    metadata: params.metadata() ?? {},
    mode,
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: mode === "payment" ? null : "always",
    payment_method_configuration_details: null,
    payment_method_options: {},
    // What the filter leaves of what the emulator takes: cards.
    payment_method_types: checked.allowedPaymentMethodTypes ?? ["card"],
    payment_status: mode === "setup" ? "no_payment_required" : "unpaid",
    permissions: null,
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: (params.string("submit_type") as Stripe.Checkout.Session.SubmitType | undefined) ?? null,
    subscription: null,
    success_url: successUrl ?? null,
    total_details: mode === "setup" ? null : { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: uiMode,
    url: uiMode === "hosted_page" ? `${emulatorConfig.publicUrl}/c/pay/${id}` : null,
    wallet_options: null,
  };
  if (uiMode === "embedded_page") {
    session.return_url = returnUrl;
    session.redirect_on_completion = redirectOnCompletion;
  }
  account.insert(session);
  Object.assign(sessionInternals(account, id), {
    lineItems,
    redirectOnCompletion,
    paymentIntentData: {
      metadata: pid?.metadata(),
      setupFutureUsage: pid?.enumOf("setup_future_usage", ["off_session", "on_session"] as const),
      description: pid?.string("description"),
      receiptEmail: pid?.string("receipt_email"),
      statementDescriptor: pid?.string("statement_descriptor"),
    },
    setupIntentData: { metadata: sid?.metadata(), description: sid?.string("description") },
    subscriptionData: { metadata: subd?.metadata(), description: subd?.string("description"), ...trial },
  } satisfies SessionInternals);
  return session;
}

// --- reading and expiring ---------------------------------------------------------------------

/** Sessions past expires_at turn expired when next looked at, with their event. */
export function refreshExpiry(account: Account, session: Stripe.Checkout.Session): Stripe.Checkout.Session {
  if (session.status === "open" && nowSeconds() >= session.expires_at) expireSession(account, session);
  return session;
}

/**
 * Stripe expires a session at `expires_at` by itself and sends `checkout.session.expired`
 * (https://docs.stripe.com/api/checkout/sessions/object#checkout_session_object-expires_at).
 * The emulator's sweep (server.ts) calls this every few seconds; `POST /_control/checkout/expire-due`
 * calls it with a later `asOf` so a test can let the time pass.
 */
export function expireDueSessions(account: Account, asOf = nowSeconds()): string[] {
  const due = account.list<Stripe.Checkout.Session>("checkout.session", (s) => s.status === "open" && s.expires_at <= asOf);
  // Oldest first, as they would have expired.
  return due.reverse().map((session) => expireSession(account, session).id);
}

function expireSession(account: Account, session: Stripe.Checkout.Session): Stripe.Checkout.Session {
  session.status = "expired";
  session.url = null;
  emitEvent(account, "checkout.session.expired", session);
  return session;
}

function requireSession(account: Account, id: string): Stripe.Checkout.Session {
  return refreshExpiry(account, account.require<Stripe.Checkout.Session>(id, "checkout.session", "checkout.session", "session"));
}

registerVirtualExpansion("checkout.session", "line_items", (account, session) =>
  embeddedList(sessionInternals(account, String(session.id)).lineItems ?? [], `/v1/checkout/sessions/${String(session.id)}/line_items`),
);

// --- completion (called by the hosted page) ---------------------------------------------------

export interface CardEntry {
  card: TestCard;
  expMonth: number;
  expYear: number;
  name: string | null;
  email: string | null;
}

export type CheckoutAttempt =
  | { status: "complete" }
  /** A bank method that authorizes on its bank's page (iDEAL, Bancontact): the browser goes there. */
  | { status: "redirect"; url: string }
  | { status: "requires_action"; intentId: string }
  | { status: "failed"; message: string };

/** Where the browser goes once the session is complete (null: stay, e.g. redirect_on_completion never). */
export function completionUrl(session: Stripe.Checkout.Session): string | null {
  const target = session.ui_mode === "embedded_page" ? (session.redirect_on_completion === "never" ? null : (session.return_url ?? null)) : session.success_url;
  return target ? target.replace(/\{CHECKOUT_SESSION_ID\}/g, session.id) : null;
}

function ensureCustomer(account: Account, session: Stripe.Checkout.Session, entry: CardEntry, needed: boolean): string | null {
  if (session.customer) return session.customer as string;
  if (!needed) return null;
  const customer = createCustomer(account, { email: entry.email ?? session.customer_email, name: entry.name });
  session.customer = customer.id;
  return customer.id;
}

/**
 * Completes the session. A delayed method (SEPA Direct Debit) completes it `unpaid`: the money
 * follows with checkout.session.async_payment_succeeded or _failed (bank-methods.ts).
 */
export function finish(account: Account, session: Stripe.Checkout.Session, entry: { email: string | null; name: string | null } | null, paymentStatus: "paid" | "unpaid" = "paid"): void {
  if (session.status !== "open") return;
  const customer = session.customer ? account.get<Stripe.Customer>(session.customer as string, "customer") : undefined;
  const details = account.internal<{ entry?: { email: string | null; name: string | null } }>(session.id);
  const who = entry ?? details.entry ?? { email: null, name: null };
  session.customer_details = {
    address: null,
    business_name: null,
    email: who.email ?? session.customer_email ?? customer?.email ?? null,
    individual_name: null,
    name: who.name ?? customer?.name ?? null,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
  session.status = "complete";
  session.payment_status = session.mode === "setup" ? "no_payment_required" : paymentStatus;
  session.url = null;
  emitEvent(account, "checkout.session.completed", session);
}

// An intent belonging to a session settles either right away or after the 3-D Secure page;
// either way the session completes (or stays open for another try) here.
const intentToSession = new Map<string, { account: Account; sessionId: string }>();

onPaymentIntentSettled((account, pi) => {
  const link = intentToSession.get(pi.id);
  const session = link && account.get<Stripe.Checkout.Session>(link.sessionId, "checkout.session");
  if (session && pi.status === "succeeded") finish(account, session, null);
});

onSetupIntentSettled((account, si) => {
  const link = intentToSession.get(si.id);
  const session = link && account.get<Stripe.Checkout.Session>(link.sessionId, "checkout.session");
  if (session && si.status === "succeeded") finish(account, session, null);
});

function outcomeOf(intent: Stripe.PaymentIntent | Stripe.SetupIntent, session: Stripe.Checkout.Session): CheckoutAttempt {
  if (session.status === "complete") return { status: "complete" };
  if (intent.status === "requires_action") return { status: "requires_action", intentId: intent.id };
  const error = intent.object === "payment_intent" ? intent.last_payment_error : intent.last_setup_error;
  return { status: "failed", message: error?.message ?? "Your card was declined." };
}

/**
 * One attempt to pay (or save a card for) an open session with a card typed on the hosted page.
 * Declines leave the session open for another card, as Checkout does.
 */
export function completeCheckout(account: Account, session: Stripe.Checkout.Session, entry: CardEntry, opts: { embedded?: boolean } = {}): CheckoutAttempt {
  refreshExpiry(account, session);
  if (session.status !== "open") return { status: "failed", message: session.status === "complete" ? "This session is already complete." : "This Checkout Session has expired." };
  const internals = sessionInternals(account, session.id);
  account.internal<{ entry?: { email: string | null; name: string | null } }>(session.id).entry = { email: entry.email, name: entry.name };
  const billing = { expMonth: entry.expMonth, expYear: entry.expYear, name: entry.name, email: entry.email ?? session.customer_email };
  // After a 3-D Secure challenge the browser comes back to the checkout page to see the outcome.
  const returnUrl = `${emulatorConfig.publicUrl}/c/pay/${session.id}/resume${opts.embedded ? "?embedded=1" : ""}`;
  try {
    if (session.mode === "payment") {
      const sfu = internals.paymentIntentData.setupFutureUsage;
      const customer = ensureCustomer(account, session, entry, session.customer_creation === "always" || !!sfu);
      const pm = createCardPaymentMethod(account, entry.card, billing);
      let pi = internals.intentId ? account.get<Stripe.PaymentIntent>(internals.intentId, "payment_intent") : undefined;
      if (!pi || pi.status !== "requires_payment_method" || !pi.payment_method_types.includes("card")) {
        pi = createPaymentIntent(account, {
          amount: session.amount_total ?? 0,
          currency: session.currency ?? "usd",
          customer,
          metadata: internals.paymentIntentData.metadata ?? {},
          setupFutureUsage: sfu ?? null,
          description: internals.paymentIntentData.description ?? null,
          receiptEmail: internals.paymentIntentData.receiptEmail ?? null,
          statementDescriptor: internals.paymentIntentData.statementDescriptor ?? null,
          paymentMethodTypes: ["card"],
        });
        internals.intentId = pi.id;
        session.payment_intent = pi.id;
        intentToSession.set(pi.id, { account, sessionId: session.id });
      }
      pi.payment_method = pm.id;
      confirmPaymentIntent(account, pi, { returnUrl });
      return outcomeOf(pi, session);
    }
    if (session.mode === "setup") {
      const pm = createCardPaymentMethod(account, entry.card, billing);
      const si = createSetupIntent(account, {
        customer: ensureCustomer(account, session, entry, session.customer_creation === "always"),
        paymentMethod: pm.id,
        usage: "off_session",
        metadata: internals.setupIntentData.metadata ?? {},
        description: internals.setupIntentData.description ?? null,
        paymentMethodTypes: ["card"],
      });
      internals.intentId = si.id;
      session.setup_intent = si.id;
      intentToSession.set(si.id, { account, sessionId: session.id });
      confirmSetupIntent(account, si, { returnUrl });
      return outcomeOf(si, session);
    }
    return completeSubscription(account, session, entry, billing, returnUrl);
  } catch (err) {
    if (err instanceof StripeApiError) return { status: "failed", message: err.body.message };
    throw err;
  }
}

function completeSubscription(
  account: Account,
  session: Stripe.Checkout.Session,
  entry: CardEntry,
  billing: { expMonth: number; expYear: number; name: string | null; email: string | null },
  returnUrl: string,
): CheckoutAttempt {
  const internals = sessionInternals(account, session.id);
  const pm = createCardPaymentMethod(account, entry.card, billing);
  const retry = internals.intentId ? account.get<Stripe.PaymentIntent>(internals.intentId, "payment_intent") : undefined;
  if (retry && retry.status === "requires_payment_method") {
    // The subscription exists already; its first invoice is paid with the new card.
    attachPaymentMethod(account, pm, session.customer as string);
    retry.payment_method = pm.id;
    confirmPaymentIntent(account, retry, { returnUrl });
    return outcomeOf(retry, session);
  }
  if (!subscriptionCreator) {
    return { status: "failed", message: "Subscription mode needs the emulator's billing module, which is not loaded." };
  }
  const customer = ensureCustomer(account, session, entry, true)!;
  attachPaymentMethod(account, pm, customer);
  const result = subscriptionCreator(account, {
    session,
    customer,
    paymentMethod: pm.id,
    items: internals.lineItems.map((li) => ({ price: li.price!.id, quantity: li.quantity ?? 1 })),
    metadata: internals.subscriptionData.metadata ?? {},
    description: internals.subscriptionData.description,
    trialPeriodDays: internals.subscriptionData.trialPeriodDays,
    trialEnd: internals.subscriptionData.trialEnd,
  });
  session.subscription = result.subscription.id;
  session.invoice = result.invoice;
  if (!result.paymentIntent || result.paymentIntent.status === "succeeded") {
    finish(account, session, null);
    return { status: "complete" };
  }
  internals.intentId = result.paymentIntent.id;
  intentToSession.set(result.paymentIntent.id, { account, sessionId: session.id });
  setIntentReturnUrl(account, result.paymentIntent.id, returnUrl);
  return outcomeOf(result.paymentIntent, session);
}

// --- routes -----------------------------------------------------------------------------------

export const checkoutSessionRoutes = [
  route("POST", "/v1/checkout/sessions", ({ account, params }) => createSession(account, params)),
  route("GET", "/v1/checkout/sessions/:id", ({ account, path }) => requireSession(account, path.id)),
  route("POST", "/v1/checkout/sessions/:id", ({ account, params, path }) => {
    const session = requireSession(account, path.id);
    const metadata = params.metadata("metadata", session.metadata ?? {});
    if (metadata) session.metadata = metadata;
    return session;
  }),
  route("POST", "/v1/checkout/sessions/:id/expire", ({ account, path }) => {
    const session = requireSession(account, path.id);
    if (session.status !== "open") {
      throw invalidRequest(
        `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`,
        undefined,
        "checkout_session_unexpected_state" as string,
      );
    }
    return expireSession(account, session);
  }),
  route("GET", "/v1/checkout/sessions/:id/line_items", ({ account, params, path }) => {
    const session = requireSession(account, path.id);
    return paginate(params, sessionInternals(account, session.id).lineItems ?? [], `/v1/checkout/sessions/${session.id}/line_items`);
  }),
  route("GET", "/v1/checkout/sessions", ({ account, params }) => {
    const customer = params.string("customer");
    const paymentIntent = params.string("payment_intent");
    const subscription = params.string("subscription");
    const status = params.string("status");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Checkout.Session>(
      "checkout.session",
      (s) =>
        (!customer || s.customer === customer) &&
        (!paymentIntent || s.payment_intent === paymentIntent) &&
        (!subscription || s.subscription === subscription) &&
        (!status || refreshExpiry(account, s).status === status) &&
        created(s.created),
    );
    return paginate(params, items, "/v1/checkout/sessions");
  }),
];
