import { ActionError, AppError } from "@/lib/action-result";
import { isAuthenticationError, isPermissionError, isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/**
 * What the person at the desk or the member reads when a Stripe call for a card payment fails.
 * Nothing has been recorded in any of these cases, and the message says so.
 */
export function cardPaymentFailure(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    if (error.type === "StripeCardError") return new ActionError(`The card was declined: ${error.message} The invoice is still open.`);
    if (isTransientStripeError(error)) {
      console.error(`Stripe unavailable while ${doing}`, error);
      return new ActionError("Stripe could not be reached or had a problem. Nothing was charged and the invoice is still open; please try again in a moment.", undefined, "UNAVAILABLE");
    }
    if (isAuthenticationError(error) || isPermissionError(error)) {
      return new ActionError("Stripe refused the dojo's API key. The owner can reconnect Stripe in Settings → Stripe. Nothing was charged.");
    }
    console.error(`Stripe refused a request while ${doing}`, error);
    return new ActionError(`Stripe refused the payment: ${error.message} Nothing was charged.`);
  }
  console.error(`Card payment failed while ${doing}`, error);
  return new ActionError("Something went wrong with the card payment. Nothing was charged; please try again.");
}
