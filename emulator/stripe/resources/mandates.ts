import type Stripe from "stripe";
import type { Account } from "../accounts";
import { emitEvent } from "../events";
import { newId, nowSeconds } from "../ids";
import { route } from "../route";

/**
 * SEPA Direct Debit mandates (https://docs.stripe.com/api/mandates/object): the payer's
 * authorization, accepted online when the IBAN is given on Checkout's page. A multi-use mandate
 * lets later payments debit the account off-session; its id is on the SetupIntent (`mandate`) and
 * on every charge it authorizes (`payment_method_details.sepa_debit.mandate`).
 * https://docs.stripe.com/payments/sepa-debit/set-up-payment?payment-ui=checkout
 */
export function createSepaMandate(account: Account, pm: Stripe.PaymentMethod, acceptance: { ipAddress?: string | null; userAgent?: string | null } = {}): Stripe.Mandate {
  const id = newId("mandate");
  const mandate = {
    id,
    object: "mandate",
    customer_acceptance: {
      accepted_at: nowSeconds(),
      online: { ip_address: acceptance.ipAddress ?? "127.0.0.1", user_agent: acceptance.userAgent ?? "emulator" },
      type: "online",
    },
    livemode: account.livemode,
    multi_use: {},
    on_behalf_of: null,
    payment_method: pm.id,
    payment_method_details: {
      sepa_debit: { reference: id.slice(-16).toUpperCase(), url: `https://payments.stripe.com/sepa_debit/mandate/${id}` },
      type: "sepa_debit",
    },
    status: "active",
    type: "multi_use",
  } as unknown as Stripe.Mandate;
  account.insert(mandate);
  emitEvent(account, "mandate.updated", mandate);
  return mandate;
}

/** The active mandate that lets a SEPA payment method be debited, if any. */
export function activeMandateFor(account: Account, paymentMethodId: string): Stripe.Mandate | undefined {
  return account.list<Stripe.Mandate>("mandate", (m) => m.payment_method === paymentMethodId && m.status === "active")[0];
}

export const mandateRoutes = [route("GET", "/v1/mandates/:id", ({ account, path }) => account.require<Stripe.Mandate>(path.id, "mandate", "mandate"))];
