import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "@/db/client";
import { members, type StripeConnection } from "@/db/schema";
import { NotFoundError } from "@/lib/action-result";
import { cardName } from "@/lib/stripe/card-name";
import { checkoutReturnUrl } from "@/lib/payments/card/open-checkout";
import { isMissingInStripe } from "@/lib/stripe/errors";
import { queueCardAddedMail } from "./card-added-mail";
import { ensureStripeCustomer } from "./stripe-customer";
import { stripeFailure } from "./stripe-failure";
import { idOf } from "@/lib/stripe/objects";

// The metadata of every setup-mode Checkout Session we open, so the browser path and the
// checkout.session.completed webhook find the same dojo and member.
const PURPOSE = "card_setup";

export interface OpenedCardSetup {
  clientSecret: string;
  publishableKey: string;
  sessionId: string;
}

/**
 * Embedded Checkout in setup mode for off-session use: "Add card now" at the desk, the card link
 * page and "Replace card" in the members area. A member without a Stripe customer gets one first.
 * Only a card is offered: subscriptions and "charge saved card" charge cards, nothing else.
 */
export async function openCardSetup(
  db: DbOrTx,
  stripe: Stripe,
  input: { dojoId: string; memberId: string; connection: Pick<StripeConnection, "publishableKey" | "currency">; returnPath: string },
): Promise<OpenedCardSetup> {
  const customer = await ensureStripeCustomer(db, stripe, input.dojoId, input.memberId);
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.create(
      {
        mode: "setup",
        // Setup mode needs a currency (the one later charges are in) unless the methods are listed;
        // both are given. https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-currency
        currency: input.connection.currency.toLowerCase(),
        allowed_payment_method_types: ["card"],
        ui_mode: "embedded_page",
        redirect_on_completion: "if_required",
        return_url: checkoutReturnUrl(input.returnPath),
        customer,
        metadata: { tatami_dojo_id: input.dojoId, tatami_member_id: input.memberId, tatami_purpose: PURPOSE },
        setup_intent_data: { metadata: { tatami_dojo_id: input.dojoId, tatami_member_id: input.memberId } },
      },
      { idempotencyKey: `card-setup-${input.memberId}-${randomUUID()}` },
    );
  } catch (error) {
    throw stripeFailure(error, "opening Checkout to add a card");
  }
  if (!session.client_secret) throw stripeFailure(new Error(`Checkout Session ${session.id} has no client secret`), "opening Checkout to add a card");
  return { clientSecret: session.client_secret, publishableKey: input.connection.publishableKey, sessionId: session.id };
}

export type CardSetupOutcome = { status: "saved"; memberId: string; paymentMethodId: string } | { status: "open" | "ignored" };

/**
 * A finished setup session, read again from Stripe: the new card becomes the customer's default.
 * Called by the browser (staff dialog, card link page, members area) and by the webhook; running
 * it twice sets the same default twice and queues the "card saved" mail once (keyed by the card;
 * in the webhook's transaction when called from there). `memberId` limits it to one member.
 */
export async function completeCardSetup(db: DbOrTx, stripe: Stripe, input: { dojoId: string; sessionId: string; memberId?: string }): Promise<CardSetupOutcome> {
  let session: Stripe.Checkout.Session;
  try {
    session = await stripe.checkout.sessions.retrieve(input.sessionId, { expand: ["setup_intent.payment_method"] });
  } catch (error) {
    if (isMissingInStripe(error)) throw new NotFoundError("Card setup");
    throw stripeFailure(error, "reading the card setup");
  }
  const meta = session.metadata ?? {};
  if (session.mode !== "setup" || meta.tatami_purpose !== PURPOSE || meta.tatami_dojo_id !== input.dojoId) return { status: "ignored" };
  const memberId = meta.tatami_member_id;
  if (!memberId || (input.memberId && memberId !== input.memberId)) throw new NotFoundError("Card setup");
  const si = session.setup_intent && typeof session.setup_intent === "object" ? session.setup_intent : null;
  const method = si?.payment_method && typeof si.payment_method === "object" ? si.payment_method : null;
  const paymentMethodId = idOf(si?.payment_method);
  if (session.status !== "complete" || si?.status !== "succeeded" || !paymentMethodId) return { status: "open" };
  const customerId = idOf(session.customer);
  const [member] = await db.select({ customerId: members.stripeCustomerId }).from(members).where(and(eq(members.id, memberId), eq(members.dojoId, input.dojoId)));
  // The member was relinked to another customer meanwhile: that card is not theirs any more.
  if (!member || !customerId || member.customerId !== customerId) return { status: "ignored" };
  try {
    await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethodId } }, { idempotencyKey: `card-setup-default-${session.id}` });
  } catch (error) {
    throw stripeFailure(error, "making the new card the default");
  }
  if (method?.card) await queueCardAddedMail(db, { dojoId: input.dojoId, memberId, paymentMethodId, card: cardName(method.card) });
  return { status: "saved", memberId, paymentMethodId };
}
