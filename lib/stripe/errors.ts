import Stripe from "stripe";

// Reading the SDK's errors in one place: which failures mean "gone", "bad key" or "try later".
export function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

/** The object no longer exists in Stripe (deleted in the dashboard, or never did). */
export function isMissingInStripe(error: unknown): boolean {
  return isStripeError(error) && (error.code === "resource_missing" || error.statusCode === 404);
}

/** Stripe refused the key itself: wrong, rolled, or deleted. */
export function isAuthenticationError(error: unknown): boolean {
  return isStripeError(error) && (error.type === "StripeAuthenticationError" || error.statusCode === 401);
}

/** A restricted key without the permission the call needs. */
export function isPermissionError(error: unknown): boolean {
  return isStripeError(error) && (error.type === "StripePermissionError" || error.statusCode === 403);
}

/** Network trouble, timeouts, rate limits and Stripe's own 5xx: nothing is wrong with the request. */
export function isTransientStripeError(error: unknown): boolean {
  if (!isStripeError(error)) return false;
  return error.type === "StripeConnectionError" || error.type === "StripeAPIError" || error.type === "StripeRateLimitError" || (error.statusCode ?? 0) >= 500;
}
