import { AppError, refused, unavailable } from "@/lib/errors";
import { isAuthenticationError, isPermissionError, isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/**
 * Stripe did not make a refund, by code. Nothing is recorded in any of these cases; after a
 * timeout the same dialog may be submitted again (same idempotency key, no double refund).
 */
export function refundFailure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    if (isTransientStripeError(error)) {
      console.error("Stripe unavailable while refunding", error);
      return unavailable("refund.stripe_unreachable");
    }
    if (isAuthenticationError(error) || isPermissionError(error)) return refused("refund.api_key_refused");
    if (error.type === "StripeIdempotencyError") return refused("refund.idempotency_mismatch");
    console.error("Stripe refused a refund", error);
    return refused("refund.stripe_refused", { stripeMessage: error.message });
  }
  console.error("Refund failed", error);
  return refused("refund.failed");
}
