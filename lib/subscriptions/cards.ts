import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { refused } from "@/lib/errors";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { stripeFailure } from "./stripe-failure";
import { idOf } from "@/lib/stripe/objects";
import { sepaMandateOf, type SepaMandate } from "./sepa-mandate";

export interface CustomerCard {
  paymentMethodId: string;
  /** A card, or a bank account under a SEPA Direct Debit mandate (brand "sepa_debit", no expiry). */
  kind: "card" | "sepa_debit";
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  isDefault: boolean;
  /** SEPA: the bank's code from the IBAN (Stripe gives no bank name) and its country. */
  bankCode?: string | null;
  country?: string | null;
  /** SEPA, the default account only: its mandate, read from Stripe with the page. */
  mandate?: SepaMandate | null;
}

function toCustomerCard(pm: Stripe.PaymentMethod, defaultId: string | null): CustomerCard | null {
  const isDefault = pm.id === defaultId;
  if (pm.card) return { paymentMethodId: pm.id, kind: "card", brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year, isDefault };
  if (pm.type === "sepa_debit" && pm.sepa_debit?.last4) {
    return { paymentMethodId: pm.id, kind: "sepa_debit", brand: "sepa_debit", last4: pm.sepa_debit.last4, expMonth: 0, expYear: 0, isDefault, bankCode: pm.sepa_debit.bank_code, country: pm.sepa_debit.country };
  }
  return null;
}

const defaultIdOf = (customer: Stripe.Customer) => {
  const pm = customer.invoice_settings?.default_payment_method;
  return idOf(pm);
};

/**
 * The customer's saved cards and SEPA accounts, the default first; null when the customer is gone
 * from Stripe. `withMandate` reads the default SEPA account's mandate too (pages that show it).
 */
export async function listCustomerCards(stripe: Stripe, customerId: string, opts: { withMandate?: boolean } = {}): Promise<CustomerCard[] | null> {
  try {
    const customer = await stripe.customers.retrieve(customerId);
    if (customer.deleted) return null;
    const defaultId = defaultIdOf(customer);
    // Without `type`, every saved method of the customer; the app keeps cards and SEPA accounts.
    const list = await stripe.paymentMethods.list({ customer: customerId, limit: 100 });
    const cards = list.data
      .map((pm) => toCustomerCard(pm, defaultId))
      .filter((c): c is CustomerCard => !!c)
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    const sepa = cards.find((c) => c.isDefault && c.kind === "sepa_debit");
    if (sepa && opts.withMandate) sepa.mandate = await sepaMandateOf(stripe, sepa.paymentMethodId);
    return cards;
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
    if (isMissingInStripe(error)) throw refused("card.not_found");
    throw stripeFailure(error, "reading the card");
  }
  const owner = idOf(pm.customer);
  if (owner !== customerId) throw refused("card.not_found");
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
