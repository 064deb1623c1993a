import "server-only";
import type Stripe from "stripe";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { sepaMandateOf, type SepaMandate } from "@/lib/subscriptions/sepa-mandate";

export interface SavedCard {
  paymentMethodId: string;
  /** A card, or a bank account under a SEPA Direct Debit mandate (brand "sepa_debit", no expiry). */
  kind: "card" | "sepa_debit";
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
  /** SEPA: the bank's code from the IBAN, and (when asked for) the mandate. */
  bankCode?: string | null;
  mandate?: SepaMandate | null;
}

function toSavedCard(pm: Stripe.PaymentMethod | null): SavedCard | null {
  if (pm?.type === "sepa_debit" && pm.sepa_debit?.last4) return { paymentMethodId: pm.id, kind: "sepa_debit", brand: "sepa_debit", last4: pm.sepa_debit.last4, expMonth: 0, expYear: 0, bankCode: pm.sepa_debit.bank_code };
  if (!pm?.card) return null;
  return { paymentMethodId: pm.id, kind: "card", brand: pm.card.brand, last4: pm.card.last4, expMonth: pm.card.exp_month, expYear: pm.card.exp_year };
}

/**
 * What to charge for a member's Stripe customer: the customer's default card or SEPA account
 * (debited under its mandate), else the card saved most recently. Null when there is none (or the
 * customer was deleted in Stripe). `withMandate` also reads a SEPA account's mandate (for display).
 */
export async function savedCardOf(stripe: Stripe, customerId: string, opts: { withMandate?: boolean } = {}): Promise<SavedCard | null> {
  try {
    const customer = await stripe.customers.retrieve(customerId, { expand: ["invoice_settings.default_payment_method"] });
    if (customer.deleted) return null;
    const preferred = customer.invoice_settings?.default_payment_method;
    if (preferred && typeof preferred === "object" && preferred.type === "sepa_debit") {
      const account = toSavedCard(preferred);
      if (account && opts.withMandate) account.mandate = await sepaMandateOf(stripe, account.paymentMethodId);
      return account;
    }
    if (preferred && typeof preferred === "object" && preferred.type === "card") return toSavedCard(preferred);
    const cards = await stripe.paymentMethods.list({ customer: customerId, type: "card", limit: 1 });
    return toSavedCard(cards.data[0] ?? null);
  } catch (error) {
    if (isMissingInStripe(error)) return null;
    throw error;
  }
}
