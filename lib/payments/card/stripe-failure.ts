import { AppError, refused, unavailable } from "@/lib/errors";
import { isAuthenticationError, isPermissionError, isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/**
 * A failed Stripe call for a card payment, by code: a refusal, or an outage to retry. Nothing has
 * been recorded in any of these cases, and the words say so.
 */
export function cardPaymentFailure(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    if (error.type === "StripeCardError") return refused("card_payment.card_declined", { stripeMessage: error.message });
    if (isTransientStripeError(error)) {
      console.error(`Stripe unavailable while ${doing}`, error);
      return unavailable("card_payment.stripe_unreachable");
    }
    if (isAuthenticationError(error) || isPermissionError(error)) return refused("card_payment.api_key_refused");
    console.error(`Stripe refused a request while ${doing}`, error);
    return refused("card_payment.stripe_refused", { stripeMessage: error.message });
  }
  console.error(`Card payment failed while ${doing}`, error);
  return refused("card_payment.failed");
}
