import type Stripe from "stripe";
import type { Account } from "../accounts";
import { confirmPaymentIntent, createPaymentIntent, onPaymentIntentSettled } from "../charging";
import { cardOf } from "../resources/payment-methods";

export type ChargeOutcome = {
  /** processing: a SEPA debit under its mandate, settled later (the invoice stays open until then). */
  status: "succeeded" | "requires_action" | "processing" | "failed";
  paymentIntent: Stripe.PaymentIntent;
};

const DESCRIPTIONS: Partial<Record<string, string>> = {
  subscription_create: "Subscription creation",
  subscription_cycle: "Subscription update",
  subscription_update: "Subscription update",
};

/** The PaymentIntent Stripe creates when it finalizes an invoice with an amount due. */
export function createInvoicePaymentIntent(account: Account, invoice: Stripe.Invoice, now: number): Stripe.PaymentIntent {
  return createPaymentIntent(account, {
    amount: invoice.amount_due,
    currency: invoice.currency,
    customer: invoice.customer as string,
    description: DESCRIPTIONS[invoice.billing_reason ?? ""] ?? "Invoice payment",
    paymentMethodTypes: ["card"],
    created: now,
  });
}

// PaymentIntents billing is confirming right now: their settlement is handled by the caller.
const charging = new Set<string>();

/**
 * Charges an invoice's PaymentIntent with a saved card. Subscriptions charge as Stripe does for
 * merchant-initiated payments: a card set up for off-session use goes through, while one that
 * needs the customer's authentication is left in requires_action (invoice.payment_action_required)
 * rather than failing with authentication_required as a bare off-session PaymentIntent would.
 */
export function chargeInvoicePayment(
  account: Account,
  paymentIntentId: string,
  paymentMethodId: string | null,
  opts: { offSession: boolean; now: number; returnUrl?: string | null },
): ChargeOutcome {
  const pi = account.require<Stripe.PaymentIntent>(paymentIntentId, "payment_intent", "payment_intent");
  if (pi.status === "succeeded") return { status: "succeeded", paymentIntent: pi };
  if (!paymentMethodId) return { status: "failed", paymentIntent: pi };
  const pm = account.require<Stripe.PaymentMethod>(paymentMethodId, "payment_method", "PaymentMethod", "payment_method");
  const { card, setUpForOffSession } = cardOf(account, pm);
  const needsCustomer = !!card && (card.behaviour === "authenticate_always" || (card.behaviour === "authenticate_unless_set_up" && !setUpForOffSession));
  // An invoice's PaymentIntent offers the customer's saved methods: a SEPA default is debited too.
  if (pm.type === "sepa_debit" && !pi.payment_method_types.includes("sepa_debit")) pi.payment_method_types = [...pi.payment_method_types, "sepa_debit"];
  pi.payment_method = pm.id;
  charging.add(pi.id);
  try {
    confirmPaymentIntent(account, pi, { offSession: opts.offSession && !needsCustomer, now: opts.now, returnUrl: opts.returnUrl ?? null });
  } finally {
    charging.delete(pi.id);
  }
  if (pi.status === "succeeded") return { status: "succeeded", paymentIntent: pi };
  if (pi.status === "requires_action") return { status: "requires_action", paymentIntent: pi };
  if (pi.status === "processing") return { status: "processing", paymentIntent: pi };
  return { status: "failed", paymentIntent: pi };
}

/**
 * Settlements billing did not start itself: 3-D Secure completed or failed on the hosted invoice
 * page or in Stripe.js, or the app confirming the invoice's PaymentIntent directly.
 */
export function onExternalInvoicePaymentSettled(listener: (account: Account, pi: Stripe.PaymentIntent) => void): void {
  onPaymentIntentSettled((account, pi) => {
    if (!charging.has(pi.id)) listener(account, pi);
  });
}
