import { ActionError, AppError } from "@/lib/action-result";
import { isAuthenticationError, isPermissionError, isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/** What staff or a member reads when a Stripe call about customers, cards or subscriptions fails. */
export function stripeFailure(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    if (error.type === "StripeCardError") return new ActionError(`The card was declined: ${error.message}`);
    if (isTransientStripeError(error)) {
      console.error(`Stripe unavailable while ${doing}`, error);
      return new ActionError("Stripe could not be reached or had a problem. Nothing was changed; please try again in a moment.", undefined, "UNAVAILABLE");
    }
    if (isAuthenticationError(error) || isPermissionError(error)) return new ActionError("Stripe refused the dojo's API key. The owner can reconnect Stripe in Settings → Stripe.");
    console.error(`Stripe refused a request while ${doing}`, error);
    return new ActionError(`Stripe refused this: ${error.message}`);
  }
  console.error(`Stripe call failed while ${doing}`, error);
  return new ActionError("Something went wrong talking to Stripe. Nothing was changed; please try again.");
}
