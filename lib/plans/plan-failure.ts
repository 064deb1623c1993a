import { ActionError } from "@/lib/action-result";
import { isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/** What the owner reads when paying for a plan fails; the plan is then unchanged, and the message says so. */
export function planPaymentFailure(error: unknown, doing: string): ActionError {
  if (error instanceof ActionError) return error;
  if (isStripeError(error)) {
    if (error.type === "StripeCardError") {
      if (error.code === "subscription_payment_intent_requires_action") {
        return new ActionError("Your bank wants to confirm this payment, which cannot be done here. Your plan is unchanged and nothing was charged. Use another card and try again.");
      }
      const reason = /declined/i.test(error.message) ? error.message : `Your card was declined: ${error.message}`;
      return new ActionError(`${reason.replace(/\.?$/, ".")} Your plan is unchanged and nothing was charged. Change the card and try again.`);
    }
    if (isTransientStripeError(error)) {
      console.error(`Stripe unavailable while ${doing}`, error);
      return new ActionError("Stripe could not be reached. Your plan is unchanged and nothing was charged; please try again in a moment.");
    }
    console.error(`Stripe refused a request while ${doing}`, error);
    return new ActionError(`Stripe refused the change: ${error.message} Your plan is unchanged.`);
  }
  throw error;
}
