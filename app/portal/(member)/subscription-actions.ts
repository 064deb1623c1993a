"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { memberAction } from "@/lib/action";
import { stripeForDojo } from "@/lib/stripe/connection";
import { completeCardSetup, openCardSetup } from "@/lib/subscriptions/card-setup";
import { memberSubscriptionInvoice, payOpenSubscriptionInvoice, settleSubscriptionInvoice } from "@/lib/subscriptions/pay-open-invoice";
import { ActionError } from "@/lib/action-result";
import { pauseSubscription, resumeSubscription } from "@/lib/subscriptions/pause";
import { pauseSchema, resumeSchema, setupSessionSchema } from "@/lib/subscriptions/schemas";
import { ensureStripeCustomer } from "@/lib/subscriptions/stripe-customer";
import { idSchema } from "@/lib/validation/common";
import { requirePaymentRights } from "@/lib/portal/family-scope";
import type { MemberContext } from "@/lib/auth/session";
import { resolveLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";

// The member and dojo come from the member's session: only their own customer and invoices; a
// child whose family someone else pays for neither pays nor changes the card.
const card = { feature: "stripePayments" } as const;
const invoiceSchema = z.object({ invoiceId: idSchema });

export const openReplaceCardAction = memberAction({ schema: z.object({}), ...card }, async (_input, ctx) => {
  const db = await getDb();
  await requirePaymentRights(db, ctx.dojo.id, ctx.member.id);
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  const opened = await openCardSetup(db, stripe, { dojoId: ctx.dojo.id, payer: ctx.member.id, connection, returnPath: "/portal" });
  return { clientSecret: opened.clientSecret, publishableKey: opened.publishableKey };
});

export const completeReplaceCardAction = memberAction({ schema: setupSessionSchema, ...card }, async ({ sessionId }, ctx) => {
  const db = await getDb();
  await requirePaymentRights(db, ctx.dojo.id, ctx.member.id);
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  const outcome = await completeCardSetup(db, stripe, { dojoId: ctx.dojo.id, sessionId, payer: ctx.member.id });
  revalidatePath("/portal");
  return { saved: outcome.status === "saved", method: outcome.status === "saved" ? outcome.method : null };
});

export const payMemberSubscriptionInvoiceAction = memberAction({ schema: invoiceSchema, ...card }, async ({ invoiceId }, ctx) => {
  const db = await getDb();
  await requirePaymentRights(db, ctx.dojo.id, ctx.member.id);
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  const customerId = await ensureStripeCustomer(db, stripe, ctx.dojo.id, ctx.member.id);
  const result = await payOpenSubscriptionInvoice(db, stripe, { dojoId: ctx.dojo.id, payer: ctx.member.id, invoiceId, customerId, publishableKey: connection.publishableKey });
  if (result.status === "paid") revalidatePath("/portal");
  return result;
});

export const settleMemberSubscriptionInvoiceAction = memberAction({ schema: invoiceSchema, ...card }, async ({ invoiceId }, ctx) => {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  const invoice = await memberSubscriptionInvoice(db, ctx.dojo.id, ctx.member.id, invoiceId);
  const synced = await settleSubscriptionInvoice(db, stripe, ctx.dojo.id, invoice.stripeInvoiceId);
  revalidatePath("/portal");
  return { paid: synced?.state === "paid" };
});

// Only when the dojo lets members pause (Members → Plans), and only their own subscription or,
// for a family's paying member, one of the family's.
const subscriptions = { feature: "subscriptions" } as const;
const refusedUnlessAllowed = ({ dojo, member }: MemberContext) => {
  if (!dojo.membersMayPause) throw new ActionError(translator(resolveLocale(member.language, dojo.defaultLanguage), "portal.subscriptions")("pauseByDojo"));
};

export const pauseMySubscriptionAction = memberAction({ schema: pauseSchema, ...subscriptions }, async ({ subscriptionId, resumeOn, attempt }, ctx) => {
  refusedUnlessAllowed(ctx);
  const db = await getDb();
  const memberIds = await requirePaymentRights(db, ctx.dojo.id, ctx.member.id);
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  await pauseSubscription(db, stripe, { dojoId: ctx.dojo.id, timeZone: ctx.dojo.timeZone, subscriptionId, memberIds, resumeOn, actor: "member", attempt });
  revalidatePath("/portal");
  return null;
});

export const resumeMySubscriptionAction = memberAction({ schema: resumeSchema, ...subscriptions }, async ({ subscriptionId, attempt }, ctx) => {
  refusedUnlessAllowed(ctx);
  const db = await getDb();
  const memberIds = await requirePaymentRights(db, ctx.dojo.id, ctx.member.id);
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  await resumeSubscription(db, stripe, { dojoId: ctx.dojo.id, subscriptionId, memberIds, actor: "member", attempt });
  revalidatePath("/portal");
  return null;
});
