import { AppError, refused, unavailable } from "@/lib/errors";
import { isStripeError, isTransientStripeError } from "@/lib/stripe/errors";

/** Paying for a plan failed: a declined card, Stripe's refusal, or an outage (the plan is then unchanged). */
export function planPaymentFailure(error: unknown, doing: string): AppError {
  if (error instanceof AppError) return error;
  if (isStripeError(error)) {
    if (error.type === "StripeCardError") return refused("plan.card_declined", { stripeMessage: error.message });
    if (isTransientStripeError(error)) {
      console.error(`Stripe unavailable while ${doing}`, error);
      return unavailable("plan.stripe_unreachable");
    }
    console.error(`Stripe refused a request while ${doing}`, error);
    return refused("plan.stripe_refused", { stripeMessage: error.message });
  }
  throw error;
}
