import "server-only";
import type Stripe from "stripe";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { idOf } from "@/lib/stripe/objects";

export interface SepaMandate {
  id: string;
  status: Stripe.Mandate.Status;
  /** When the payer accepted it (customer_acceptance.accepted_at). */
  acceptedAt: Date | null;
  /** The mandate reference the bank statement shows. */
  reference: string | null;
}

/**
 * The mandate that lets the dojo debit a saved SEPA account. Stripe keeps it on the SetupIntent
 * that saved the account (Checkout in setup mode: `setup_intent.mandate`); the PaymentMethod does
 * not name it. Read when a page shows the account, like the card is; null when none is found.
 * https://docs.stripe.com/payments/sepa-debit/set-up-payment?payment-ui=checkout, https://docs.stripe.com/api/mandates/object
 */
export async function sepaMandateOf(stripe: Stripe, paymentMethodId: string): Promise<SepaMandate | null> {
  const intents = await stripe.setupIntents.list({ payment_method: paymentMethodId, limit: 10 });
  const mandateId = intents.data.map((si) => idOf(si.mandate)).find((id): id is string => !!id);
  if (!mandateId) return null;
  let mandate: Stripe.Mandate;
  try {
    mandate = await stripe.mandates.retrieve(mandateId);
  } catch (error) {
    if (isMissingInStripe(error)) return null;
    throw error;
  }
  const accepted = mandate.customer_acceptance?.accepted_at;
  return { id: mandate.id, status: mandate.status, acceptedAt: accepted ? new Date(accepted * 1000) : null, reference: mandate.payment_method_details?.sepa_debit?.reference ?? null };
}
