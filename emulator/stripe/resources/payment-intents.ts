import type Stripe from "stripe";
import type { Account } from "../accounts";
import {
  cancelPaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  paymentFailure,
  type SetupFutureUsage,
} from "../charging";
import { checkMinimumAmount, normalizeCurrency } from "../currency";
import { invalidRequest, unexpectedState } from "../errors";
import { paginate, rangeFilter } from "../list";
import type { Params } from "../params";
import { route } from "../route";
import { resolvePaymentMethod } from "./payment-methods";

const SFU = ["off_session", "on_session"] as const;

function requireIntent(account: Account, id: string): Stripe.PaymentIntent {
  return account.require<Stripe.PaymentIntent>(id, "payment_intent", "payment_intent", "intent");
}

function requireCustomer(account: Account, id: string | undefined): string | undefined {
  if (id) account.require<Stripe.Customer>(id, "customer", "customer", "customer");
  return id;
}

/** Confirms and turns a decline into Stripe's 402 (the intent itself stays stored as failed). */
function confirmOrThrow(account: Account, pi: Stripe.PaymentIntent, params: Params): Stripe.PaymentIntent {
  const offSession = params.get("off_session");
  confirmPaymentIntent(account, pi, {
    // off_session accepts true/false and the legacy one_off/recurring strings.
    offSession: offSession === "true" || offSession === "one_off" || offSession === "recurring",
    returnUrl: params.string("return_url") ?? null,
  });
  const failure = paymentFailure(account, pi);
  if (failure) throw failure;
  return pi;
}

export const paymentIntentRoutes = [
  route("POST", "/v1/payment_intents", ({ account, params }) => {
    const amount = params.requiredInteger("amount");
    const currency = normalizeCurrency(params.requiredString("currency"));
    checkMinimumAmount(amount, currency);
    const customer = requireCustomer(account, params.string("customer"));
    const confirm = params.boolean("confirm") ?? false;
    if (params.has("off_session") && !confirm) {
      throw invalidRequest("You can only set `off_session` when `confirm` is set to `true`.", "off_session");
    }
    const pmId = params.string("payment_method");
    const pm = pmId ? resolvePaymentMethod(account, pmId) : undefined;
    const pi = createPaymentIntent(account, {
      amount,
      currency,
      customer,
      paymentMethod: pm?.id,
      description: params.string("description"),
      metadata: params.metadata(),
      setupFutureUsage: params.enumOf("setup_future_usage", SFU),
      receiptEmail: params.string("receipt_email"),
      statementDescriptor: params.string("statement_descriptor"),
      allowedPaymentMethodTypes: params.has("allowed_payment_method_types") ? params.strings("allowed_payment_method_types") : undefined,
    });
    return confirm ? confirmOrThrow(account, pi, params) : pi;
  }),
  route("GET", "/v1/payment_intents/:id", ({ account, path }) => requireIntent(account, path.id)),
  route("POST", "/v1/payment_intents/:id", ({ account, params, path }) => {
    const pi = requireIntent(account, path.id);
    if (pi.status === "succeeded" || pi.status === "canceled") {
      throw unexpectedState(`This PaymentIntent's status is ${pi.status}, so it can no longer be updated.`, "payment_intent_unexpected_state");
    }
    const amount = params.integer("amount");
    if (amount !== undefined) {
      checkMinimumAmount(amount, pi.currency);
      pi.amount = amount;
    }
    const customer = requireCustomer(account, params.string("customer"));
    if (customer) pi.customer = customer;
    for (const field of ["description", "receipt_email", "statement_descriptor"] as const) {
      if (params.has(field)) pi[field] = params.nullableString(field) ?? null;
    }
    if (params.has("setup_future_usage")) {
      pi.setup_future_usage = params.get("setup_future_usage") === "" ? null : (params.enumOf("setup_future_usage", SFU) as SetupFutureUsage);
    }
    const metadata = params.metadata("metadata", pi.metadata);
    if (metadata) pi.metadata = metadata;
    const pmId = params.string("payment_method");
    if (pmId) {
      pi.payment_method = resolvePaymentMethod(account, pmId).id;
      if (pi.status === "requires_payment_method") pi.status = "requires_confirmation";
    }
    // Stripe has no payment_intent.updated event; updates are silent.
    return pi;
  }),
  route("POST", "/v1/payment_intents/:id/confirm", ({ account, params, path }) => {
    const pi = requireIntent(account, path.id);
    const pmId = params.string("payment_method");
    if (pmId) pi.payment_method = resolvePaymentMethod(account, pmId).id;
    if (params.has("setup_future_usage")) pi.setup_future_usage = params.enumOf("setup_future_usage", SFU) ?? null;
    return confirmOrThrow(account, pi, params);
  }),
  route("POST", "/v1/payment_intents/:id/cancel", ({ account, params, path }) =>
    cancelPaymentIntent(
      account,
      requireIntent(account, path.id),
      params.enumOf("cancellation_reason", ["abandoned", "duplicate", "fraudulent", "requested_by_customer"] as const) ?? null,
    ),
  ),
  route("GET", "/v1/payment_intents", ({ account, params }) => {
    const customer = params.string("customer");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.PaymentIntent>("payment_intent", (pi) => (!customer || pi.customer === customer) && created(pi.created));
    return paginate(params, items, "/v1/payment_intents");
  }),
];
