import { ActionError, AppError } from "@/lib/action-result";
import { isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/** A declined card, in the owner's words: the plan is unchanged and nothing was charged. */
export function planDeclined(message: string | null | undefined): ActionError {
  const text = message || "Your card was declined.";
  const reason = /declined/i.test(text) ? text : `Your card was declined: ${text}`;
  return new ActionError(`${reason.replace(/\.?$/, ".")} Your plan is unchanged and nothing was charged. Change the card and try again.`);
}

/** What the owner reads when paying for a plan fails; the plan is then unchanged, and the message says so. */
export function planPaymentFailure(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    if (error.type === "StripeCardError") return planDeclined(error.message);
    if (isTransientStripeError(error)) {
      console.error(`Stripe unavailable while ${doing}`, error);
      return new ActionError("Stripe could not be reached. Your plan is unchanged and nothing was charged; please try again in a moment.", undefined, "UNAVAILABLE");
    }
    console.error(`Stripe refused a request while ${doing}`, error);
    return new ActionError(`Stripe refused the change: ${error.message} Your plan is unchanged.`);
  }
  throw error;
}
