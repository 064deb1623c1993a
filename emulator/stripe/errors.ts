/**
 * Stripe's error body `{ error: { type, code?, decline_code?, message, param?, doc_url? } }` and the
 * HTTP statuses Stripe pairs with each type; the `stripe` SDK turns these into its typed errors
 * (StripeAuthenticationError, StripeInvalidRequestError, StripeCardError, StripeIdempotencyError).
 */
export interface StripeErrorBody {
  type: "api_error" | "card_error" | "idempotency_error" | "invalid_request_error";
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  doc_url?: string;
  charge?: string;
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
  payment_method_type?: string;
  request_log_url?: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    /** Stripe saves an idempotent result only once an endpoint began executing. */
    readonly recordForIdempotency = false,
  ) {
    super(body.message);
  }
}

function docUrl(code: string | undefined): string | undefined {
  return code ? `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}` : undefined;
}

export function invalidRequest(message: string, param?: string, code?: string): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", message, param, code, doc_url: docUrl(code) });
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");
}

export function invalidParam(param: string, message: string, code = "parameter_invalid"): StripeApiError {
  return invalidRequest(message, param, code);
}

/** `No such customer: 'cus_…'` — the SDK raises StripeInvalidRequestError with code resource_missing. */
export function resourceMissing(label: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${label}: '${id}'`,
    param,
    doc_url: docUrl("resource_missing"),
  });
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}

export function authenticationError(message: string): StripeApiError {
  return new StripeApiError(401, { type: "invalid_request_error", message });
}

export function unexpectedState(message: string, code: string): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", message, code, doc_url: docUrl(code) }, true);
}

export interface CardErrorDetails {
  code: string;
  decline_code?: string;
  message: string;
  param?: string;
  charge?: string;
  payment_intent?: unknown;
  setup_intent?: unknown;
  payment_method?: unknown;
}

export function cardError(details: CardErrorDetails): StripeApiError {
  return new StripeApiError(
    402,
    { type: "card_error", doc_url: docUrl(details.code), ...details, payment_method_type: details.payment_method ? "card" : undefined },
    true,
  );
}

export function apiError(message = "An unknown error occurred"): StripeApiError {
  return new StripeApiError(500, { type: "api_error", message });
}
