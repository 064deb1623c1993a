import "server-only";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { type StripeConnection } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { cardName, savedMethodOf } from "@/lib/stripe/card-name";
import { checkoutReturnUrl } from "@/lib/payments/card/open-checkout";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { checkoutMethods } from "@/lib/stripe/payment-methods";
import { queueCardAddedMail } from "./card-added-mail";
import { asPayer, payerKey, type Payer } from "@/lib/families/payer";
import { ensurePayerCustomer, payerCustomerId } from "./payer-customer";
import { stripeFailure } from "./stripe-failure";
import { idOf } from "@/lib/stripe/objects";
import { memberLocale } from "@/lib/i18n/member-locale";

// The metadata of every setup-mode Checkout Session we open, so the browser path and the
// checkout.session.completed webhook find the same dojo and payer (a member, or a contact-paid family).
const PURPOSE = "card_setup";

export interface OpenedCardSetup {
  clientSecret: string;
  publishableKey: string;
  sessionId: string;
}

/**
 * Embedded Checkout in setup mode for off-session use: "Add card now" at the desk, the card link
 * page and "Replace card" in the members area. A payer without a Stripe customer gets one first.
 * A card is offered, and a SEPA Direct Debit mandate when the dojo takes SEPA (checkoutMethods):
 * subscriptions and "charge saved card" then debit the account off-session under that mandate.
 */
export async function openCardSetup(
  db: DbOrTx,
  stripe: Stripe,
  input: { dojoId: string; payer: string | Payer; connection: Pick<StripeConnection, "publishableKey" | "currency"> & { paymentMethods?: readonly string[] | null }; returnPath: string },
): Promise<OpenedCardSetup> {
  const payer = asPayer(input.payer);
  const customer = await ensurePayerCustomer(db, stripe, input.dojoId, payer);
  const payerMeta: Record<string, string> = payer.kind === "member" ? { tatami_member_id: payer.memberId } : { tatami_family_id: payer.familyId };
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "setup",
        // Setup mode needs a currency (the one later charges are in) unless the methods are listed;
        // both are given. https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-currency
        currency: input.connection.currency.toLowerCase(),
        allowed_payment_method_types: checkoutMethods(input.connection, "setup"),
        ui_mode: "embedded_page",
        redirect_on_completion: "if_required",
        return_url: checkoutReturnUrl(input.returnPath),
        customer,
        locale: await memberLocale(db, input.dojoId, payer.kind === "member" ? payer.memberId : null),
        metadata: { tatami_dojo_id: input.dojoId, ...payerMeta, tatami_purpose: PURPOSE },
        setup_intent_data: { metadata: { tatami_dojo_id: input.dojoId, ...payerMeta } },
      },
      { idempotencyKey: `card-setup-${payerKey(payer)}-${randomUUID()}` },
    );
  } catch (error) {
    throw stripeFailure(error, "opening Checkout to add a card");
  }
  if (!session.client_secret) throw stripeFailure(new Error(`Checkout Session ${session.id} has no client secret`), "opening Checkout to add a card");
  return { clientSecret: session.client_secret, publishableKey: input.connection.publishableKey, sessionId: session.id };
}

/** `method`: what was saved, as the mail and pages name it ("Visa •••• 4242", "SEPA Direct Debit •••• 3000"). */
export type CardSetupOutcome = { status: "saved"; payer: Payer; paymentMethodId: string; method: string | null } | { status: "open" | "ignored" };

/**
 * A finished setup session, read again from Stripe: the new card (or SEPA account, whose mandate
 * the SetupIntent holds) becomes the customer's default, so subscriptions charge it.
 * Called by the browser (staff dialog, card link page, members area) and by the webhook; running
 * it twice sets the same default twice and queues the "card saved" mail once (keyed by the card;
 * in the webhook's transaction when called from there). `payer` limits it to one payer.
 */
export async function completeCardSetup(db: DbOrTx, stripe: Stripe, input: { dojoId: string; sessionId: string; payer?: string | Payer }): Promise<CardSetupOutcome> {
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.retrieve(input.sessionId, { expand: ["setup_intent.payment_method"] });
  } catch (error) {
    if (isMissingInStripe(error)) throw new NotFoundError("Card setup");
    throw stripeFailure(error, "reading the card setup");
  }
  const meta = session.metadata ?? {};
  if (session.mode !== "setup" || meta.tatami_purpose !== PURPOSE || meta.tatami_dojo_id !== input.dojoId) return { status: "ignored" };
  const payer: Payer | null = meta.tatami_member_id ? { kind: "member", memberId: meta.tatami_member_id } : meta.tatami_family_id ? { kind: "family", familyId: meta.tatami_family_id } : null;
  if (!payer || (input.payer && payerKey(payer) !== payerKey(asPayer(input.payer)))) throw new NotFoundError("Card setup");
  const si = session.setup_intent && typeof session.setup_intent === "object" ? session.setup_intent : null;
  const method = si?.payment_method && typeof si.payment_method === "object" ? si.payment_method : null;
  const paymentMethodId = idOf(si?.payment_method);
  if (session.status !== "complete" || si?.status !== "succeeded" || !paymentMethodId) return { status: "open" };
  const customerId = idOf(session.customer);
  // The payer was relinked to another customer meanwhile: that card is not theirs any more.
  if (!customerId || (await payerCustomerId(db, input.dojoId, payer)) !== customerId) return { status: "ignored" };
  try {
    await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethodId } }, { idempotencyKey: `card-setup-default-${session.id}` });
  } catch (error) {
    throw stripeFailure(error, "making the new card the default");
  }
  const saved = method ? savedMethodOf(method) : null;
  const name = saved ? cardName(saved) : null;
  if (name) await queueCardAddedMail(db, { dojoId: input.dojoId, payer, paymentMethodId, card: name, sepa: saved?.brand === "sepa_debit" });
  return { status: "saved", payer, paymentMethodId, method: name };
}
