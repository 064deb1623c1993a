import { createHash } from "node:crypto";
import type Stripe from "stripe";
import type { Account } from "../accounts";
import { cardByShortcut, type TestCard } from "../cards";
import { cardError, invalidParam, invalidRequest, missingParam } from "../errors";
import { emitEvent } from "../events";
import { newId, nowSeconds } from "../ids";
import { paginate } from "../list";
import type { Params } from "../params";
import { route } from "../route";

/** Emulator-only facts about a card payment method. */
export interface CardInternals extends Record<string, unknown> {
  card: TestCard;
  /** True once a SetupIntent (or a payment with setup_future_usage) authenticated it for later off-session use. */
  setUpForOffSession: boolean;
}

export function cardOf(account: Account, pm: Stripe.PaymentMethod): CardInternals {
  return account.internal<CardInternals>(pm.id);
}

export interface CardDetails {
  expMonth?: number;
  expYear?: number;
  name?: string | null;
  email?: string | null;
}

/** What the payer typed on the page: name and e-mail, no address. */
function billingDetails(details: { name?: string | null; email?: string | null }): Stripe.PaymentMethod.BillingDetails {
  return { address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null }, email: details.email ?? null, name: details.name ?? null, phone: null, tax_id: null };
}

/** A new card PaymentMethod for a test card (from a shortcut id, a token or the hosted page's form). */
export function createCardPaymentMethod(account: Account, card: TestCard, details: CardDetails = {}, metadata: Record<string, string> = {}): Stripe.PaymentMethod {
  const expYear = details.expYear ?? new Date().getUTCFullYear() + 3;
  const pm: Stripe.PaymentMethod = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: billingDetails(details),
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: card.country,
      display_brand: card.brand,
      exp_month: details.expMonth ?? 12,
      exp_year: expYear,
      fingerprint: createHash("sha256").update(`${account.id}:${card.number}`).digest("base64url").slice(0, 16),
      funding: card.funding,
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: account.livemode,
    metadata,
    type: "card",
  };
  account.insert(pm);
  Object.assign(cardOf(account, pm), { card, setUpForOffSession: false } satisfies CardInternals);
  return pm;
}

/**
 * A `payment_method` parameter: an existing id of this account, or a test shortcut
 * (`pm_card_visa`) which — as in Stripe test mode — makes a fresh PaymentMethod each time.
 */
export function resolvePaymentMethod(account: Account, id: string, param = "payment_method"): Stripe.PaymentMethod {
  const shortcut = cardByShortcut(id);
  if (shortcut) return createCardPaymentMethod(account, shortcut);
  return account.require<Stripe.PaymentMethod>(id, "payment_method", "PaymentMethod", param);
}

/**
 * Attaching validates the card the way Stripe does: declining test cards fail here with a card
 * error (only 4000000000000341 attaches and fails later).
 */
export function attachPaymentMethod(account: Account, pm: Stripe.PaymentMethod, customerId: string): Stripe.PaymentMethod {
  if (pm.customer === customerId) return pm;
  if (pm.customer) {
    throw invalidRequest(
      "The payment method you provided has already been attached to a customer.",
      "payment_method",
      "payment_method_unexpected_state",
    );
  }
  const { card } = cardOf(account, pm);
  if (card?.behaviour === "decline" && card.decline) {
    throw cardError({ ...card.decline, param: card.decline.param ?? "" });
  }
  pm.customer = customerId;
  emitEvent(account, "payment_method.attached", pm);
  return pm;
}

export function detachPaymentMethod(account: Account, pm: Stripe.PaymentMethod): Stripe.PaymentMethod {
  if (!pm.customer) {
    throw invalidRequest("The payment method you provided is not attached to a customer so detachment is impossible.", undefined, "payment_method_unexpected_state");
  }
  const customerId = typeof pm.customer === "string" ? pm.customer : pm.customer.id;
  const before = structuredClone(pm);
  pm.customer = null;
  const customer = account.get<Stripe.Customer>(customerId, "customer");
  if (customer && customer.invoice_settings.default_payment_method === pm.id) {
    const previous = structuredClone(customer.invoice_settings);
    customer.invoice_settings.default_payment_method = null;
    emitEvent(account, "customer.updated", customer, { invoice_settings: previous });
  }
  emitEvent(account, "payment_method.detached", pm, { customer: before.customer });
  return pm;
}

function applyBillingDetails(pm: Stripe.PaymentMethod, params: Params): void {
  const bd = params.object("billing_details");
  if (!bd) return;
  if (bd.has("name")) pm.billing_details.name = bd.nullableString("name") ?? null;
  if (bd.has("email")) pm.billing_details.email = bd.nullableString("email") ?? null;
  if (bd.has("phone")) pm.billing_details.phone = bd.nullableString("phone") ?? null;
}

function createFromParams(account: Account, params: Params): Stripe.PaymentMethod {
  const type = params.requiredString("type");
  if (type !== "card") throw invalidParam("type", `The emulator only supports card payment methods, not '${type}'.`);
  const card = params.object("card");
  if (!card) throw missingParam("card");
  if (card.has("number")) {
    throw invalidRequest(
      "Sending credit card numbers directly to the Stripe API is generally unsafe. To continue processing use Stripe.js, the Stripe mobile bindings, or Stripe Elements. Test with tokens such as tok_visa or payment methods such as pm_card_visa.",
      "card[number]",
    );
  }
  const token = card.requiredString("token");
  const testCard = cardByShortcut(token);
  if (!testCard) throw invalidParam("card[token]", `No such token: '${token}'`, "resource_missing");
  const pm = createCardPaymentMethod(account, testCard, {}, params.metadata() ?? {});
  applyBillingDetails(pm, params);
  return pm;
}

export const paymentMethodRoutes = [
  route("POST", "/v1/payment_methods", ({ account, params }) => createFromParams(account, params)),
  route("GET", "/v1/payment_methods/:id", ({ account, path }) => resolveForRead(account, path.id)),
  route("POST", "/v1/payment_methods/:id", ({ account, params, path }) => {
    const pm = account.require<Stripe.PaymentMethod>(path.id, "payment_method", "PaymentMethod");
    const before = structuredClone(pm);
    const metadata = params.metadata("metadata", pm.metadata ?? {});
    if (metadata) pm.metadata = metadata;
    applyBillingDetails(pm, params);
    const card = params.object("card");
    if (card && pm.card) {
      pm.card.exp_month = card.integer("exp_month") ?? pm.card.exp_month;
      pm.card.exp_year = card.integer("exp_year") ?? pm.card.exp_year;
    }
    if (JSON.stringify(before) !== JSON.stringify(pm)) emitEvent(account, "payment_method.updated", pm);
    return pm;
  }),
  route("POST", "/v1/payment_methods/:id/attach", ({ account, params, path }) => {
    const pm = resolvePaymentMethod(account, path.id);
    const customerId = params.requiredString("customer");
    account.require<Stripe.Customer>(customerId, "customer", "customer", "customer");
    return attachPaymentMethod(account, pm, customerId);
  }),
  route("POST", "/v1/payment_methods/:id/detach", ({ account, path }) =>
    detachPaymentMethod(account, account.require<Stripe.PaymentMethod>(path.id, "payment_method", "PaymentMethod")),
  ),
  route("GET", "/v1/payment_methods", ({ account, params }) => {
    const customer = params.string("customer");
    const type = params.string("type");
    if (customer) account.require<Stripe.Customer>(customer, "customer", "customer", "customer");
    const items = account.list<Stripe.PaymentMethod>("payment_method", (pm) => (!customer || pm.customer === customer) && (!type || pm.type === type));
    return paginate(params, items, "/v1/payment_methods");
  }),
  route("GET", "/v1/customers/:customer/payment_methods", ({ account, params, path }) => {
    account.require<Stripe.Customer>(path.customer, "customer", "customer");
    const type = params.string("type");
    const items = account.list<Stripe.PaymentMethod>("payment_method", (pm) => pm.customer === path.customer && (!type || pm.type === type));
    return paginate(params, items, `/v1/customers/${path.customer}/payment_methods`);
  }),
  route("GET", "/v1/customers/:customer/payment_methods/:id", ({ account, path }) => {
    const pm = account.require<Stripe.PaymentMethod>(path.id, "payment_method", "PaymentMethod");
    if (pm.customer !== path.customer) throw invalidRequest(`No such PaymentMethod: '${path.id}'`, "payment_method", "resource_missing");
    return pm;
  }),
];

function resolveForRead(account: Account, id: string): Stripe.PaymentMethod {
  return account.require<Stripe.PaymentMethod>(id, "payment_method", "PaymentMethod");
}

// --- bank methods (SEPA Direct Debit, iDEAL, Bancontact; bank-methods.ts) ------------------------

export type BankMethodType = "sepa_debit" | "ideal" | "bancontact";

/** A PaymentMethod of a bank method, as Checkout makes one from what the payer entered. */
export function createBankPaymentMethod(account: Account, type: BankMethodType, details: { iban?: string; name?: string | null; email?: string | null }): Stripe.PaymentMethod {
  const iban = (details.iban ?? "").replace(/\s/g, "").toUpperCase();
  const pm: Stripe.PaymentMethod = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: billingDetails(details),
    created: nowSeconds(),
    customer: null,
    customer_account: null,
    livemode: account.livemode,
    metadata: {},
    type,
  };
  if (type === "sepa_debit") {
    pm.sepa_debit = {
      bank_code: iban.slice(4, 12) || null,
      branch_code: null,
      country: iban.slice(0, 2) || null,
      fingerprint: createHash("sha256").update(`${account.id}:${iban}`).digest("base64url").slice(0, 16),
      generated_from: null,
      last4: iban.slice(-4),
    } as Stripe.PaymentMethod.SepaDebit;
  } else if (type === "ideal") {
    pm.ideal = { bank: "ing", bic: "INGBNL2A" };
  } else {
    pm.bancontact = {};
  }
  account.insert(pm);
  // The IBAN decides what a debit from it does (bank-methods.ts, Stripe's test IBANs).
  if (type === "sepa_debit") account.internal<{ iban?: string }>(pm.id).iban = iban;
  return pm;
}

/** The IBAN a SEPA payment method was made from (emulator-only). */
export const ibanOf = (account: Account, pm: Stripe.PaymentMethod): string => account.internal<{ iban?: string }>(pm.id).iban ?? "";

/** The charge's `payment_method_details` of a bank method. */
export function bankMethodDetails(pm: Stripe.PaymentMethod, mandate: string | null = null): Stripe.Charge.PaymentMethodDetails {
  if (pm.type === "sepa_debit") {
    const s = pm.sepa_debit!;
    return { type: "sepa_debit", sepa_debit: { bank_code: s.bank_code, branch_code: s.branch_code, country: s.country, fingerprint: s.fingerprint, last4: (s as { last4?: string }).last4 ?? null, mandate } as Stripe.Charge.PaymentMethodDetails.SepaDebit };
  }
  if (pm.type === "ideal") {
    return {
      type: "ideal",
      ideal: { bank: "ing", bic: "INGBNL2A", generated_sepa_debit: null, generated_sepa_debit_mandate: null, iban_last4: "1234", transaction_id: null, verified_name: pm.billing_details.name } as Stripe.Charge.PaymentMethodDetails.Ideal,
    };
  }
  return {
    type: "bancontact",
    bancontact: { bank_code: "VAPE", bank_name: "VAN DE PUT & CO", bic: "VAPEBE22", generated_sepa_debit: null, generated_sepa_debit_mandate: null, iban_last4: "7061", preferred_language: null, verified_name: pm.billing_details.name } as Stripe.Charge.PaymentMethodDetails.Bancontact,
  };
}
