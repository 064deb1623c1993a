import "server-only";
import type Stripe from "stripe";
import { isMissingInStripe } from "@/lib/stripe/errors";

export interface SavedCard {
  paymentMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

function toSavedCard(pm: Stripe.PaymentMethod | null): SavedCard | null {
  if (!pm?.card) return null;
  return { paymentMethodId: pm.id, brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year };
}

/**
 * The card to charge for a member's Stripe customer: the customer's default card, else the card
 * saved most recently. Null when there is none (or the customer was deleted in Stripe).
 */
export async function savedCardOf(stripe: Stripe, customerId: string): Promise<SavedCard | null> {
  try {
    const customer = await stripe.customers.retrieve(customerId, { expand: ["invoice_settings.default_payment_method"] });
    if (customer.deleted) return null;
    const preferred = customer.invoice_settings?.default_payment_method;
    if (preferred && typeof preferred === "object" && preferred.type === "card") return toSavedCard(preferred);
    const cards = await stripe.paymentMethods.list({ customer: customerId, type: "card", limit: 1 });
    return toSavedCard(cards.data[0] ?? null);
  } catch (error) {
    if (isMissingInStripe(error)) return null;
    throw error;
  }
}
