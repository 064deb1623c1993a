import type Stripe from "stripe";
import type { Account } from "../accounts";
import { cancelSetupIntent, confirmSetupIntent, createSetupIntent, setupFailure } from "../charging";
import { invalidRequest } from "../errors";
import { paginate, rangeFilter } from "../list";
import type { Params } from "../params";
import { route } from "../route";
import { ibanProblem } from "../bank-methods";
import { createBankPaymentMethod, resolvePaymentMethod } from "./payment-methods";

function requireIntent(account: Account, id: string): Stripe.SetupIntent {
  return account.require<Stripe.SetupIntent>(id, "setup_intent", "setupintent", "intent");
}

// What a publishable key may read of a SetupIntent (the fields Stripe.js sees).
const PUBLISHABLE_FIELDS = [
  "id",
  "object",
  "automatic_payment_methods",
  "cancellation_reason",
  "client_secret",
  "created",
  "description",
  "last_setup_error",
  "livemode",
  "next_action",
  "payment_method",
  "payment_method_types",
  "status",
  "usage",
] as const;

/**
 * Retrieve with a publishable key needs the intent's client_secret and answers a subset of it:
 * https://docs.stripe.com/api/setup_intents/retrieve. The publishable key of another account
 * finds nothing (404), which is how a key pair is proven to belong to one account.
 */
function retrieveWithPublishableKey(account: Account, id: string, params: Params): Partial<Stripe.SetupIntent> {
  const si = requireIntent(account, id);
  const secret = params.string("client_secret");
  if (secret === undefined) throw invalidRequest("Missing required param: client_secret.", "client_secret", "parameter_missing");
  if (secret !== si.client_secret) {
    throw invalidRequest("The client_secret provided does not match any associated SetupIntent on this account.", "client_secret", "setup_intent_invalid_parameter");
  }
  return Object.fromEntries(PUBLISHABLE_FIELDS.map((field) => [field, si[field]]));
}

/** `mandate_data[customer_acceptance]` (online acceptance) for a SEPA SetupIntent: https://docs.stripe.com/api/setup_intents/create#create_setup_intent-mandate_data */
function mandateAcceptanceOf(params: Params): { ipAddress: string | null; userAgent: string | null } | undefined {
  const acceptance = params.object("mandate_data")?.object("customer_acceptance");
  if (!acceptance) return undefined;
  const type = acceptance.enumOf("type", ["online", "offline"] as const);
  const online = acceptance.object("online");
  if (type === "online" && !online) throw invalidRequest("Missing required param: mandate_data[customer_acceptance][online].", "mandate_data[customer_acceptance][online]", "parameter_missing");
  return { ipAddress: online?.string("ip_address") ?? null, userAgent: online?.string("user_agent") ?? null };
}

/**
 * `payment_method_data` with `type: sepa_debit` and an IBAN (the emulator's only inline method):
 * a SEPA PaymentMethod made for this SetupIntent. https://docs.stripe.com/api/setup_intents/create#create_setup_intent-payment_method_data
 */
function inlineSepaMethod(account: Account, params: Params): Stripe.PaymentMethod | undefined {
  const data = params.object("payment_method_data");
  if (!data) return undefined;
  const type = data.requiredString("type");
  if (type !== "sepa_debit") throw invalidRequest(`The emulator takes payment_method_data for sepa_debit only, not '${type}'.`, "payment_method_data[type]");
  const iban = data.object("sepa_debit")?.string("iban");
  if (!iban) throw invalidRequest("Missing required param: payment_method_data[sepa_debit][iban].", "payment_method_data[sepa_debit][iban]", "parameter_missing");
  const problem = ibanProblem(iban);
  if (problem) throw invalidRequest(problem, "payment_method_data[sepa_debit][iban]", "invalid_bank_account_iban");
  const billing = data.object("billing_details");
  return createBankPaymentMethod(account, "sepa_debit", { iban, name: billing?.string("name") ?? null, email: billing?.string("email") ?? null });
}

function confirmOrThrow(account: Account, si: Stripe.SetupIntent, params: Params): Stripe.SetupIntent {
  confirmSetupIntent(account, si, { returnUrl: params.string("return_url") ?? null, mandateAcceptance: mandateAcceptanceOf(params) });
  const failure = setupFailure(si);
  if (failure) throw failure;
  return si;
}

export const setupIntentRoutes = [
  route("POST", "/v1/setup_intents", ({ account, params }) => {
    const customer = params.string("customer");
    if (customer) account.require<Stripe.Customer>(customer, "customer", "customer", "customer");
    const pmId = params.string("payment_method");
    const inline = inlineSepaMethod(account, params);
    const si = createSetupIntent(account, {
      customer,
      paymentMethod: inline?.id ?? (pmId ? resolvePaymentMethod(account, pmId).id : undefined),
      usage: params.enumOf("usage", ["off_session", "on_session"] as const),
      metadata: params.metadata(),
      description: params.string("description"),
      allowedPaymentMethodTypes: params.has("allowed_payment_method_types") ? params.strings("allowed_payment_method_types") : undefined,
    });
    return params.boolean("confirm") ? confirmOrThrow(account, si, params) : si;
  }),
  route(
    "GET",
    "/v1/setup_intents/:id",
    ({ account, path, params, publishable }) => (publishable ? retrieveWithPublishableKey(account, path.id, params) : requireIntent(account, path.id)),
    { publishable: true },
  ),
  route("POST", "/v1/setup_intents/:id", ({ account, params, path }) => {
    const si = requireIntent(account, path.id);
    const metadata = params.metadata("metadata", si.metadata ?? {});
    if (metadata) si.metadata = metadata;
    if (params.has("description")) si.description = params.nullableString("description") ?? null;
    const customer = params.string("customer");
    if (customer) si.customer = account.require<Stripe.Customer>(customer, "customer", "customer", "customer").id;
    const pmId = params.string("payment_method");
    if (pmId) {
      si.payment_method = resolvePaymentMethod(account, pmId).id;
      if (si.status === "requires_payment_method") si.status = "requires_confirmation";
    }
    return si;
  }),
  route("POST", "/v1/setup_intents/:id/confirm", ({ account, params, path }) => {
    const si = requireIntent(account, path.id);
    const pmId = params.string("payment_method");
    if (pmId) si.payment_method = resolvePaymentMethod(account, pmId).id;
    return confirmOrThrow(account, si, params);
  }),
  route("POST", "/v1/setup_intents/:id/cancel", ({ account, params, path }) =>
    cancelSetupIntent(
      account,
      requireIntent(account, path.id),
      params.enumOf("cancellation_reason", ["abandoned", "duplicate", "requested_by_customer"] as const) ?? null,
    ),
  ),
  route("GET", "/v1/setup_intents", ({ account, params }) => {
    const customer = params.string("customer");
    const pm = params.string("payment_method");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.SetupIntent>(
      "setup_intent",
      (si) => (!customer || si.customer === customer) && (!pm || si.payment_method === pm) && created(si.created),
    );
    return paginate(params, items, "/v1/setup_intents");
  }),
];
