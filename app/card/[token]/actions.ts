"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { ActionError, publicAction } from "@/lib/action";
import { clientIp } from "@/lib/auth/client-ip";
import { throttleMessage } from "@/lib/action-errors/auth";
import { hasFeature } from "@/lib/account-plans/features";
import { resolveCardLink } from "@/lib/card-links/resolve-card-link";
import { resolveLocale, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { visitorLocale } from "@/lib/i18n/visitor-locale";
import { stripeForDojo } from "@/lib/stripe/connection";
import { completeCardSetup, openCardSetup } from "@/lib/subscriptions/card-setup";
import { openCardLink } from "@/lib/subscriptions/card-link-access";
import { memberSubscriptionInvoice, payOpenSubscriptionInvoice, settleSubscriptionInvoice } from "@/lib/subscriptions/pay-open-invoice";
import { ensurePayerCustomer } from "@/lib/subscriptions/payer-customer";
import { idSchema } from "@/lib/validation/common";

const token = z.string().min(1).max(200);

/** The answer's language: its page's (the payer's, else the dojo's default), or the browser's for a link that does not open. */
async function linkLocale(raw: unknown): Promise<Locale> {
  const parsed = token.safeParse((raw as { token?: unknown } | null)?.token);
  // Read without counting an attempt: linkScope counts it.
  const link = parsed.success ? await resolveCardLink(await getDb(), parsed.data) : null;
  return link ? resolveLocale(link.member?.language ?? null, link.dojo.defaultLanguage) : visitorLocale();
}

/** Every action of the card link page: the token is checked (and throttled) again each time. */
async function linkScope(rawToken: string) {
  const db = await getDb();
  const access = await openCardLink(db, rawToken, await clientIp());
  if (!access.ok) {
    const locale = await visitorLocale();
    throw new ActionError(access.reason === "throttled" ? throttleMessage(access.retryAfterMinutes, "failed attempts", locale) : translator(locale, "cardLink")("gone"));
  }
  // The payer: the link's member, or the family whose contact pays.
  const { dojo, member, payer } = access.link;
  const t = translator(resolveLocale(member?.language ?? null, dojo.defaultLanguage), "cardLink");
  if (!hasFeature(dojo.plan, "stripePayments")) throw new ActionError(t("notConnected", { dojo: dojo.name }));
  const { stripe, connection } = await stripeForDojo(db, dojo.id);
  return { db, stripe, connection, dojo, payer };
}

export const openCardLinkSetupAction = publicAction(z.object({ token }), async (input) => {
  const { db, stripe, connection, dojo, payer } = await linkScope(input.token);
  const opened = await openCardSetup(db, stripe, { dojoId: dojo.id, payer, connection, returnPath: `/card/${input.token}` });
  return { clientSecret: opened.clientSecret, publishableKey: opened.publishableKey };
}, { locale: linkLocale });

export const completeCardLinkSetupAction = publicAction(z.object({ token, sessionId: z.string().regex(/^cs_[A-Za-z0-9_]+$/) }), async (input) => {
  const { db, stripe, dojo, payer } = await linkScope(input.token);
  const outcome = await completeCardSetup(db, stripe, { dojoId: dojo.id, sessionId: input.sessionId, payer });
  return { saved: outcome.status === "saved", method: outcome.status === "saved" ? outcome.method : null };
}, { locale: linkLocale });

export const payCardLinkInvoiceAction = publicAction(z.object({ token, invoiceId: idSchema }), async (input) => {
  const { db, stripe, connection, dojo, payer } = await linkScope(input.token);
  const customerId = await ensurePayerCustomer(db, stripe, dojo.id, payer);
  return payOpenSubscriptionInvoice(db, stripe, { dojoId: dojo.id, payer, invoiceId: input.invoiceId, customerId, publishableKey: connection.publishableKey });
}, { locale: linkLocale });

export const settleCardLinkInvoiceAction = publicAction(z.object({ token, invoiceId: idSchema }), async (input) => {
  const { db, stripe, dojo, payer } = await linkScope(input.token);
  const invoice = await memberSubscriptionInvoice(db, dojo.id, payer, input.invoiceId);
  const synced = await settleSubscriptionInvoice(db, stripe, dojo.id, invoice.stripeInvoiceId);
  return { paid: synced?.state === "paid" };
}, { locale: linkLocale });
