"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { renewCardLink, liveCardLink } from "@/lib/card-links/live-card-link";
import { requireMember } from "@/lib/members/get";
import { stripeForDojo } from "@/lib/stripe/connection";
import { completeCardSetup, openCardSetup } from "@/lib/subscriptions/card-setup";
import { makeDefaultCard, removeCard } from "@/lib/subscriptions/cards";
import { addSubscriptionFee, removeSubscriptionFee } from "@/lib/subscriptions/fees";
import { pauseSubscription, resumeSubscription } from "@/lib/subscriptions/pause";
import { addFeeSchema, removeFeeSchema } from "@/lib/subscriptions/schemas";
import { cancelSchema, memberCardSchema, memberIdSchema, memberSetupSessionSchema, pauseSchema, resumeSchema, setCustomerIdSchema, subscribeSchema } from "@/lib/subscriptions/schemas";
import { linkStripeCustomer } from "@/lib/subscriptions/stripe-customer";
import { ensurePayerCustomer, requirePayerCustomer } from "@/lib/subscriptions/payer-customer";
import { cancelSubscription, subscribeMember } from "@/lib/subscriptions/subscribe";
import { z } from "zod";
import { payerOf } from "@/lib/families/payer";

const stripe = { permission: "members", feature: "stripePayments" } as const;
const subscriptions = { permission: "members", feature: "subscriptions" } as const;
const refresh = (memberId: string) => revalidatePath(`/members/${memberId}`);
// A family member's customer, card and card link are the family payer's: a member, or the
// family itself when a contact pays (lib/families/payer.ts).

export const setCustomerIdAction = staffAction({ schema: setCustomerIdSchema, ...stripe }, async ({ memberId, customerId }, ctx) => {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  await linkStripeCustomer(db, stripe, ctx.dojo.id, memberId, customerId);
  refresh(memberId);
  return { customerId };
});

export const createCustomerAction = staffAction({ schema: memberIdSchema, ...stripe }, async ({ memberId }, ctx) => {
  const db = await getDb();
  const payer = await payerOf(db, ctx.dojo.id, memberId);
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  const customerId = await ensurePayerCustomer(db, stripe, ctx.dojo.id, payer);
  refresh(memberId);
  return { customerId };
});

export const copyCardLinkAction = staffAction({ schema: memberIdSchema, ...stripe }, async ({ memberId }, ctx) => {
  const db = await getDb();
  const payer = await payerOf(db, ctx.dojo.id, memberId);
  await requireMember(db, ctx.dojo.id, memberId);
  return { url: (await liveCardLink(db, ctx.dojo.id, payer, ctx.user.id)).url };
});

export const newCardLinkAction = staffAction({ schema: memberIdSchema, ...stripe }, async ({ memberId }, ctx) => {
  const db = await getDb();
  const payer = await payerOf(db, ctx.dojo.id, memberId);
  await requireMember(db, ctx.dojo.id, memberId);
  const url = await db.transaction(async (tx) => (await renewCardLink(tx, ctx.dojo.id, payer, ctx.user.id)).url);
  return { url };
});

export const openCardSetupAction = staffAction({ schema: memberIdSchema, ...stripe }, async ({ memberId }, ctx) => {
  const db = await getDb();
  const payer = await payerOf(db, ctx.dojo.id, memberId);
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  const opened = await openCardSetup(db, stripe, { dojoId: ctx.dojo.id, payer, connection, returnPath: `/members/${memberId}` });
  return { clientSecret: opened.clientSecret, publishableKey: opened.publishableKey };
});

export const completeCardSetupAction = staffAction({ schema: memberSetupSessionSchema, ...stripe }, async ({ memberId, sessionId }, ctx) => {
  const db = await getDb();
  const payer = await payerOf(db, ctx.dojo.id, memberId);
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  const outcome = await completeCardSetup(db, stripe, { dojoId: ctx.dojo.id, sessionId, payer });
  refresh(memberId);
  return { saved: outcome.status === "saved", method: outcome.status === "saved" ? outcome.method : null };
});

async function memberCard(dojoId: string, memberId: string) {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, dojoId);
  return { stripe, customerId: await requirePayerCustomer(db, dojoId, await payerOf(db, dojoId, memberId)) };
}

export const makeDefaultCardAction = staffAction({ schema: memberCardSchema, ...stripe }, async ({ memberId, paymentMethodId }, ctx) => {
  const { stripe, customerId } = await memberCard(ctx.dojo.id, memberId);
  await makeDefaultCard(stripe, customerId, paymentMethodId);
  refresh(memberId);
  return null;
});

export const removeCardAction = staffAction({ schema: memberCardSchema, ...stripe }, async ({ memberId, paymentMethodId }, ctx) => {
  const { stripe, customerId } = await memberCard(ctx.dojo.id, memberId);
  await removeCard(stripe, customerId, paymentMethodId);
  refresh(memberId);
  return null;
});

export const subscribeAction = staffAction({ schema: subscribeSchema.extend({ attempt: z.string().uuid() }), ...subscriptions }, async ({ memberId, planId, attempt }, ctx) => {
  const db = await getDb();
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  const result = await subscribeMember(db, stripe, { dojoId: ctx.dojo.id, memberId, planId, currency: connection.currency, attempt });
  refresh(memberId);
  revalidatePath("/invoices");
  revalidatePath("/ledger");
  return result;
});

export const cancelSubscriptionAction = staffAction({ schema: cancelSchema.extend({ memberId: z.string().uuid() }), ...subscriptions }, async ({ subscriptionId, when, memberId }, ctx) => {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  await cancelSubscription(db, stripe, { dojoId: ctx.dojo.id, subscriptionId, when });
  refresh(memberId);
  return null;
});

export const pauseSubscriptionAction = staffAction({ schema: pauseSchema.extend({ memberId: z.string().uuid() }), ...subscriptions }, async ({ subscriptionId, resumeOn, attempt, memberId }, ctx) => {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  await pauseSubscription(db, stripe, { dojoId: ctx.dojo.id, timeZone: ctx.dojo.timeZone, subscriptionId, memberIds: [memberId], resumeOn, actor: "staff", attempt });
  refresh(memberId);
  revalidatePath("/dashboard");
  return null;
});

export const resumeSubscriptionAction = staffAction({ schema: resumeSchema.extend({ memberId: z.string().uuid() }), ...subscriptions }, async ({ subscriptionId, attempt, memberId }, ctx) => {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  await resumeSubscription(db, stripe, { dojoId: ctx.dojo.id, subscriptionId, memberIds: [memberId], actor: "staff", attempt });
  refresh(memberId);
  revalidatePath("/dashboard");
  return null;
});

/** A fee (grading, exam …) on the subscription's next invoice. */
export const addSubscriptionFeeAction = staffAction({ schema: addFeeSchema.extend({ memberId: z.string().uuid() }), ...subscriptions }, async ({ memberId, ...input }, ctx) => {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  const fee = await addSubscriptionFee(db, stripe, { dojoId: ctx.dojo.id, ...input });
  refresh(memberId);
  return fee;
});

export const removeSubscriptionFeeAction = staffAction({ schema: removeFeeSchema.extend({ memberId: z.string().uuid() }), ...subscriptions }, async ({ memberId, ...input }, ctx) => {
  const db = await getDb();
  const { stripe } = await stripeForDojo(db, ctx.dojo.id);
  await removeSubscriptionFee(db, stripe, { dojoId: ctx.dojo.id, ...input });
  refresh(memberId);
  return null;
});
