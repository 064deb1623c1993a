import type { StripeReasons } from "@/lib/error-reasons";
import { onField, plural, type Words } from "./words";

/** Why Stripe cannot send events to this installation (also shown on Settings → Stripe). */
export function webhookUrlProblemText({ origin, local }: { origin: string; local: boolean }): string {
  const why = local
    ? `this installation's address (APP_URL) is ${origin}, which Stripe cannot reach from the internet`
    : `this installation's address (APP_URL) is ${origin}, and Stripe sends events only to https addresses`;
  return `Stripe cannot send payment events to Tatami: ${why}. Set APP_URL to the public https address of this installation and restart it, then connect again. To try card payments on this computer, run npm run dev without Stripe settings: it uses the built-in Stripe emulator.`;
}

const secretKey = (text: string) => onField("secretKey", text);
const publishableKey = (text: string) => onField("publishableKey", text);

// Only what the switch really does to this dojo: a dojo without plans is not told plans are archived.
const consequences = (linkedMembers: number, plans: number) =>
  [linkedMembers > 0 && "unlinks those customers (members add their card again in the new account)", plans > 0 && "archives those plans"].filter(Boolean).join(" and ");

export const STRIPE_WORDS: Words<keyof StripeReasons> = {
  "stripe.not_connected": () => "Stripe is not connected. The owner can connect it in Settings → Stripe.",
  "stripe.not_connected_disconnect": () => "Stripe is not connected.",
  "stripe.platform_key_missing": ({ key }) => `Plan payments are not set up on this server (${key} is missing).`,
  "stripe.secret_key_shape": () => secretKey("Enter the secret key (sk_…) or a restricted key (rk_…)"),
  "stripe.secret_key_refused": () => secretKey("Stripe did not accept this secret key. Copy it again from Developers → API keys."),
  "stripe.restricted_key_no_account": () => secretKey("This restricted key may not read the account. Give it read access to account details, or use the secret key."),
  "stripe.restricted_key_no_setup_intents": () =>
    secretKey("This restricted key may not create SetupIntents, which Tatami needs to check the keys and to save cards. Give it write access to SetupIntents."),
  "stripe.restricted_key_no_webhooks": () => secretKey("This restricted key may not create webhook endpoints. Give it write access to Webhook endpoints."),
  "stripe.publishable_key_other_account": () =>
    publishableKey("This publishable key belongs to another Stripe account than the secret key. Copy both keys from the same account (Developers → API keys)."),
  "stripe.publishable_key_refused": () => publishableKey("Stripe did not accept this publishable key. Copy it again from Developers → API keys."),
  "stripe.webhook_url_unreachable": (d) => `${webhookUrlProblemText(d)} Nothing was saved.`,
  "stripe.webhook_endpoint_refused": ({ url, stripeMessage }) => `Stripe refused the webhook endpoint for ${url}: ${stripeMessage}`,
  "stripe.webhook_secret_missing": () => "Stripe did not return the webhook signing secret. Nothing was saved; please try again.",
  "stripe.unreachable_connecting": () => "Stripe could not be reached or answered with an error. Nothing was saved; please try again.",
  "stripe.unreachable_disconnecting": () => "Stripe could not be reached to delete the webhook endpoint. Nothing was changed; please try again.",
  "stripe.switch_blocked": ({ chargingSubscriptions, openPaymentPages }) => {
    const blockers: string[] = [];
    if (chargingSubscriptions > 0) {
      blockers.push(`${plural(chargingSubscriptions, "member subscription is", "member subscriptions are")} still running in the connected account: cancel them on the members' pages first, or they would keep charging without being recorded here`);
    }
    if (openPaymentPages > 0) {
      blockers.push(`${plural(openPaymentPages, "payment page is", "payment pages are")} still open in the connected account: try again once they have been paid or have expired (at most a day)`);
    }
    return `These keys belong to another Stripe account. ${blockers.join("; ")}. Nothing was changed.`;
  },
  "stripe.switch_needs_confirmation": ({ linkedMembers, plans, chargingSubscriptions }) => {
    const what = [linkedMembers > 0 && plural(linkedMembers, "member is linked to a customer", "members are linked to customers"), plans > 0 && plural(plans, "plan uses a price", "plans use prices")].filter(Boolean).join(" and ");
    const running = chargingSubscriptions > 0 ? ` ${plural(chargingSubscriptions, "subscription", "subscriptions")} of the earlier account will no longer be followed here: cancel them in that account's Stripe dashboard.` : "";
    return onField(
      "confirmAccountSwitch",
      `These keys belong to another Stripe account than the one Tatami used before.${what ? ` ${what} of that account. Switching ${consequences(linkedMembers, plans)}.` : ""}${running} Nothing was changed yet.`,
    );
  },
  "money_check.not_captured": () => "Stripe has not captured this payment; there is nothing to record.",
  "money_check.no_shop_session": () => "Stripe has no Checkout Session for this webshop payment. Refund it instead.",
  "money_check.unknown_invoice": () => "Tatami cannot tell which invoice this payment is for. Refund it, or record it by hand on the right invoice.",
  "money_check.refund_not_recorded_payment": () => "This refund is not of a card payment Tatami recorded.",
  "money_check.payment_on_invoice": ({ invoiceNumber }) => `This payment is recorded on invoice ${invoiceNumber}. Refund it from the invoice.`,
};
