"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ActionError, publicAction } from "@/lib/action";
import { clientIp } from "@/lib/auth/client-ip";
import { throttleMessage } from "@/lib/action-errors/auth";
import { hasFeature } from "@/lib/account-plans/features";
import { stripeForDojo } from "@/lib/stripe/connection";
import { completeCardSetup, openCardSetup } from "@/lib/subscriptions/card-setup";
import { openCardLink } from "@/lib/subscriptions/card-link-access";
import { memberSubscriptionInvoice, payOpenSubscriptionInvoice, settleSubscriptionInvoice } from "@/lib/subscriptions/pay-open-invoice";
import { ensurePayerCustomer } from "@/lib/subscriptions/payer-customer";
import { idSchema } from "@/lib/validation/common";

const token = z.string().min(1).max(200);

/** Every action of the card link page: the token is checked (and throttled) again each time. */
async function linkScope(rawToken: string) {
  const db = await getDb();
  const access = await openCardLink(db, rawToken, await clientIp());
  if (!access.ok) throw new ActionError(access.reason === "throttled" ? throttleMessage(access.retryAfterMinutes) : "This card link no longer works. Ask your dojo for a new one.");
  // The payer: the link's member, or the family whose contact pays.
  const { dojo, payer } = access.link;
  if (!hasFeature(dojo.plan, "stripePayments")) throw new ActionError(`${dojo.name} does not take cards online at the moment.`);
  const { stripe, connection } = await stripeForDojo(db, dojo.id);
  return { db, stripe, connection, dojo, payer };
}

export const openCardLinkSetupAction = publicAction(z.object({ token }), async (input) => {
  const { db, stripe, connection, dojo, payer } = await linkScope(input.token);
  const opened = await openCardSetup(db, stripe, { dojoId: dojo.id, payer, connection, returnPath: `/card/${input.token}` });
  return { clientSecret: opened.clientSecret, publishableKey: opened.publishableKey };
});

export const completeCardLinkSetupAction = publicAction(z.object({ token, sessionId: z.string().regex(/^cs_[A-Za-z0-9_]+$/) }), async (input) => {
  const { db, stripe, dojo, payer } = await linkScope(input.token);
  const outcome = await completeCardSetup(db, stripe, { dojoId: dojo.id, sessionId: input.sessionId, payer });
  return { saved: outcome.status === "saved", method: outcome.status === "saved" ? outcome.method : null };
});

export const payCardLinkInvoiceAction = publicAction(z.object({ token, invoiceId: idSchema }), async (input) => {
  const { db, stripe, connection, dojo, payer } = await linkScope(input.token);
  const customerId = await ensurePayerCustomer(db, stripe, dojo.id, payer);
  return payOpenSubscriptionInvoice(db, stripe, { dojoId: dojo.id, payer, invoiceId: input.invoiceId, customerId, publishableKey: connection.publishableKey });
});

export const settleCardLinkInvoiceAction = publicAction(z.object({ token, invoiceId: idSchema }), async (input) => {
  const { db, stripe, dojo, payer } = await linkScope(input.token);
  const invoice = await memberSubscriptionInvoice(db, dojo.id, payer, input.invoiceId);
  const synced = await settleSubscriptionInvoice(db, stripe, dojo.id, invoice.stripeInvoiceId);
  return { paid: synced?.state === "paid" };
});
