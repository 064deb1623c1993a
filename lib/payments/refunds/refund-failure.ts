import { ActionError, AppError } from "@/lib/action-result";
import { isAuthenticationError, isPermissionError, isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/**
 * What staff read when Stripe did not make a refund. Nothing is recorded in any of these cases;
 * after a timeout the same dialog may be submitted again (same idempotency key, no double refund).
 */
export function refundFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    if (isTransientStripeError(error)) {
      console.error("Stripe unavailable while refunding", error);
      return new ActionError("Stripe could not be reached or had a problem. Nothing was recorded; try again in a moment (a refund Stripe did make is never made twice).", undefined, "UNAVAILABLE");
    }
    if (isAuthenticationError(error) || isPermissionError(error)) {
      return new ActionError("Stripe refused the dojo's API key. The owner can reconnect Stripe in Settings → Stripe. Nothing was refunded.");
    }
    if (error.type === "StripeIdempotencyError") {
      return new ActionError("This refund was already sent to Stripe with other details. Close the dialog, reload the page and start again.");
    }
    console.error("Stripe refused a refund", error);
    return new ActionError(`Stripe refused the refund: ${error.message} Nothing was refunded.`);
  }
  console.error("Refund failed", error);
  return new ActionError("Something went wrong with the refund. Nothing was recorded; please try again.");
}
