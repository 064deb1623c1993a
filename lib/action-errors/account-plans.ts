import type { AccountPlanReasons } from "@/lib/error-reasons";
import { PLAN_NAMES } from "@/lib/account-plans/features";
import type { Words } from "./words";

const UNCHANGED = "Your plan is unchanged and nothing was charged.";

/** A declined card, in the owner's words: the plan is unchanged and nothing was charged. */
function declined(message: string | null | undefined): string {
  const text = message || "Your card was declined.";
  const reason = /declined/i.test(text) ? text : `Your card was declined: ${text}`;
  return `${reason.replace(/\.?$/, ".")} ${UNCHANGED} Change the card and try again.`;
}

export const ACCOUNT_PLAN_WORDS: Words<keyof AccountPlanReasons> = {
  "plan.checkout_not_opened": () => "Stripe did not open Checkout. Please try again.",
  "plan.already_has_plan": () => "Your dojo already has a plan. Use Change plan instead.",
  "plan.checkout_of_other_dojo": () => "That Checkout does not belong to your dojo.",
  "plan.no_subscription": () => "Your dojo has no running plan subscription.",
  "plan.no_subscription_choose": () => "Your dojo has no running plan subscription: choose a plan first.",
  "plan.not_smaller": ({ plan, current }) => `${PLAN_NAMES[plan]} is not a smaller plan than ${PLAN_NAMES[current]}.`,
  "plan.not_upgrade": ({ plan, current }) => `${PLAN_NAMES[plan]} is not an upgrade from ${PLAN_NAMES[current]}.`,
  "plan.no_change_scheduled": () => "No plan change is scheduled.",
  "plan.change_already_scheduled": () => "A plan change is already scheduled. Cancel it first, then upgrade.",
  "plan.quote_expired": () => "The amount shown has expired. Please review the new amount and confirm again.",
  "plan.subscription_changed": () => "Your dojo's plan subscription has changed meanwhile. Reload the page.",
  "plan.bank_not_confirmed": () => `Your bank has not confirmed the payment. ${UNCHANGED.replace(/\.$/, "")}; please try again.`,
  "plan.upgrade_not_billed": () => "Stripe did not bill the upgrade. Your plan is unchanged; please try again.",
  "plan.authentication_failed": () => `Your bank did not confirm the payment (3-D Secure failed or was cancelled). ${UNCHANGED}`,
  "plan.card_declined": ({ stripeMessage }) => declined(stripeMessage),
  "plan.stripe_refused": ({ stripeMessage }) => `Stripe refused the change: ${stripeMessage} Your plan is unchanged.`,
  "plan.stripe_unreachable": () => "Stripe could not be reached. Your plan is unchanged and nothing was charged; please try again in a moment.",
};
