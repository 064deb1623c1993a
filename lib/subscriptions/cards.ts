import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { ActionError } from "@/lib/action-result";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { stripeFailure } from "./stripe-failure";
import { idOf } from "@/lib/stripe/objects";

export interface CustomerCard {
  paymentMethodId: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
}

const defaultIdOf = (customer: Stripe.Customer) => {
  const pm = customer.invoice_settings?.default_payment_method;
  return idOf(pm);
};

/** The customer's saved cards, the default first; null when the customer is gone from Stripe. */
export async function listCustomerCards(stripe: Stripe, customerId: string): Promise<CustomerCard[] | null> {
  try {
    const customer = await stripe.customers.retrieve(customerId);
    if (customer.deleted) return null;
    const defaultId = defaultIdOf(customer);
    const list = await stripe.paymentMethods.list({ customer: customerId, type: "card", limit: 100 });
    return list.data
      .filter((pm) => pm.card)
      .map((pm) => ({ paymentMethodId: pm.id, brand: pm.card!.brand, last4: pm.card!.last4, expMonth: pm.card!.exp_month, expYear: pm.card!.exp_year, isDefault: pm.id === defaultId }))
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  } catch (error) {
    if (isMissingInStripe(error)) return null;
    throw stripeFailure(error, "listing saved cards");
  }
}

// A card id from the browser must be one of this customer's cards before we touch it.
async function requireOwnCard(stripe: Stripe, customerId: string, paymentMethodId: string): Promise<void> {
  let pm: Stripe.PaymentMethod;
  try {
    pm = await stripe.paymentMethods.retrieve(paymentMethodId);
  } catch (error) {
    if (isMissingInStripe(error)) throw new ActionError("That card was not found.");
    throw stripeFailure(error, "reading the card");
  }
  const owner = idOf(pm.customer);
  if (owner !== customerId) throw new ActionError("That card was not found.");
}

export async function makeDefaultCard(stripe: Stripe, customerId: string, paymentMethodId: string): Promise<void> {
  await requireOwnCard(stripe, customerId, paymentMethodId);
  try {
    await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethodId } }, { idempotencyKey: `default-card-${paymentMethodId}-${randomUUID()}` });
  } catch (error) {
    throw stripeFailure(error, "making the card the default");
  }
}

export async function removeCard(stripe: Stripe, customerId: string, paymentMethodId: string): Promise<void> {
  await requireOwnCard(stripe, customerId, paymentMethodId);
  try {
    await stripe.paymentMethods.detach(paymentMethodId, {}, { idempotencyKey: `detach-card-${paymentMethodId}` });
  } catch (error) {
    throw stripeFailure(error, "removing the card");
  }
}
