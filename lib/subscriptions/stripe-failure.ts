import { AppError, refused, unavailable } from "@/lib/errors";
import { isAuthenticationError, isPermissionError, isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/** A failed Stripe call about customers, cards or subscriptions, by code: a refusal, or an outage to retry. */
export function stripeFailure(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    if (error.type === "StripeCardError") return refused("stripe.card_declined", { stripeMessage: error.message });
    if (isTransientStripeError(error)) {
      console.error(`Stripe unavailable while ${doing}`, error);
      return unavailable("stripe.unreachable");
    }
    if (isAuthenticationError(error) || isPermissionError(error)) return refused("stripe.api_key_refused");
    console.error(`Stripe refused a request while ${doing}`, error);
    return refused("stripe.refused", { stripeMessage: error.message });
  }
  console.error(`Stripe call failed while ${doing}`, error);
  return refused("stripe.failed");
}
