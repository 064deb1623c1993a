import type { AccountPlanReasons } from "@/lib/error-reasons";
import { PLAN_NAMES } from "@/lib/account-plans/features";
import { say, type Reader, type Words } from "./words";

/** A declined card, in the owner's words: the plan is unchanged and nothing was charged. */
function declined(message: string | null | undefined, w: Reader): string {
  // Stripe's own message, when it says more than "declined".
  const reason = !message ? w.t("plan.card_declined_plain") : /declined/i.test(message) ? message : w.t("plan.card_declined_because", { stripeMessage: message });
  return w.t("plan.card_declined", { declined: reason.replace(/\.?$/, ".") });
}

const names = ({ plan, current }: AccountPlanReasons["plan.not_upgrade"]) => ({ plan: PLAN_NAMES[plan], current: PLAN_NAMES[current] });

export const ACCOUNT_PLAN_WORDS: Words<keyof AccountPlanReasons> = {
  "plan.checkout_not_opened": say,
  "plan.already_has_plan": say,
  "plan.checkout_of_other_dojo": say,
  "plan.no_subscription": say,
  "plan.no_subscription_choose": say,
  "plan.not_smaller": (d, w) => say(names(d), w),
  "plan.not_upgrade": (d, w) => say(names(d), w),
  "plan.no_change_scheduled": say,
  "plan.change_already_scheduled": say,
  "plan.quote_expired": say,
  "plan.subscription_changed": say,
  "plan.bank_not_confirmed": say,
  "plan.upgrade_not_billed": say,
  "plan.authentication_failed": say,
  "plan.card_declined": ({ stripeMessage }, w) => declined(stripeMessage, w),
  "plan.stripe_refused": say,
  "plan.stripe_unreachable": say,
};
