"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { memberAction } from "@/lib/action";
import { stripeForDojo } from "@/lib/stripe/connection";
import { completeCardSetup, openCardSetup } from "@/lib/subscriptions/card-setup";
import { memberSubscriptionInvoice, payOpenSubscriptionInvoice, settleSubscriptionInvoice } from "@/lib/subscriptions/pay-open-invoice";
import { setupSessionSchema } from "@/lib/subscriptions/schemas";
import { ensureStripeCustomer } from "@/lib/subscriptions/stripe-customer";
import { idSchema } from "@/lib/validation/common";

// The member and dojo come from the member's session: only their own customer and invoices.
const card = { feature: "stripePayments" } as const;
const invoiceSchema = z.object({ invoiceId: idSchema });

export const openReplaceCardAction = memberAction({ schema: z.object({}), ...card }, async (_input, ctx) => {
  const db = await getDb();
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  const opened = await openCardSetup(db, stripe, { dojoId: ctx.dojo.id, memberId: ctx.member.id, connection, returnPath: "/portal" });
  return { clientSecret: opened.clientSecret, publishableKey: opened.publishableKey };
});

export const completeReplaceCardAction = memberAction({ schema: setupSessionSchema, ...card }, async ({ sessionId }, ctx) => {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  const outcome = await completeCardSetup(db, stripe, { dojoId: ctx.dojo.id, sessionId, memberId: ctx.member.id });
  revalidatePath("/portal");
  return { saved: outcome.status === "saved" };
});

export const payMemberSubscriptionInvoiceAction = memberAction({ schema: invoiceSchema, ...card }, async ({ invoiceId }, ctx) => {
  const db = await getDb();
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  const customerId = await ensureStripeCustomer(db, stripe, ctx.dojo.id, ctx.member.id);
  const result = await payOpenSubscriptionInvoice(db, stripe, { dojoId: ctx.dojo.id, memberId: ctx.member.id, invoiceId, customerId, publishableKey: connection.publishableKey });
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
