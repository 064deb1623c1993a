import type { StripeReasons } from "@/lib/error-reasons";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { onField, say, sayOn, type Reader, type Words } from "./words";

/** Why Stripe cannot send events to this installation (also shown on Settings → Stripe). */
export function webhookUrlProblemText({ origin, local }: StripeReasons["stripe.webhook_url_unreachable"], locale: Locale = DEFAULT_LOCALE): string {
  return translator(locale, "errors")("stripe.webhook_url_problem", { origin, local: String(local) });
}

type Switch = StripeReasons["stripe.switch_needs_confirmation"];

// Only what the switch really does to this dojo: a dojo without plans is not told plans are archived.
function switchNeedsConfirmation({ linkedMembers, plans, chargingSubscriptions }: Switch, w: Reader): string {
  const uses = linkedMembers > 0 && plans > 0 ? "both" : linkedMembers > 0 ? "members" : plans > 0 ? "plans" : null;
  return [
    w.t("stripe.switch_other_account"),
    uses && w.t(`stripe.switch_uses_${uses}`, { members: linkedMembers, plans }),
    chargingSubscriptions > 0 && w.t("stripe.switch_running", { count: chargingSubscriptions }),
    w.t("stripe.switch_not_changed"),
  ]
    .filter(Boolean)
    .join(" ");
}

function switchBlocked({ chargingSubscriptions, openPaymentPages }: StripeReasons["stripe.switch_blocked"], w: Reader): string {
  const blocked = chargingSubscriptions > 0 && openPaymentPages > 0 ? "both" : chargingSubscriptions > 0 ? "subscriptions" : "pages";
  return say(
    {
      blocked,
      subscriptions: w.t("stripe.switch_blocked_subscriptions", { count: chargingSubscriptions }),
      pages: w.t("stripe.switch_blocked_pages", { count: openPaymentPages }),
    },
    w,
  );
}

export const STRIPE_WORDS: Words<keyof StripeReasons> = {
  "stripe.not_connected": say,
  "stripe.not_connected_disconnect": say,
  "stripe.platform_key_missing": say,
  "stripe.secret_key_shape": sayOn("secretKey"),
  "stripe.secret_key_refused": sayOn("secretKey"),
  "stripe.restricted_key_no_account": sayOn("secretKey"),
  "stripe.restricted_key_no_setup_intents": sayOn("secretKey"),
  "stripe.restricted_key_no_webhooks": sayOn("secretKey"),
  "stripe.publishable_key_other_account": sayOn("publishableKey"),
  "stripe.publishable_key_refused": sayOn("publishableKey"),
  "stripe.webhook_url_unreachable": (d, w) => say({ problem: webhookUrlProblemText(d, w.locale) }, w),
  "stripe.webhook_endpoint_refused": say,
  "stripe.webhook_secret_missing": say,
  "stripe.unreachable_connecting": say,
  "stripe.unreachable_disconnecting": say,
  "stripe.switch_blocked": switchBlocked,
  "stripe.switch_needs_confirmation": (d, w) => onField("confirmAccountSwitch", switchNeedsConfirmation(d, w)),
  "money_check.not_captured": say,
  "money_check.no_shop_session": say,
  "money_check.unknown_invoice": say,
  "money_check.refund_not_recorded_payment": say,
  "money_check.payment_on_invoice": ({ invoiceNumber }, w) => say({ invoiceNumber: invoiceNumber ?? "" }, w),
};
