"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { stripeForDojo } from "@/lib/stripe/connection";
import { createPlan, importPlans, listStripePrices, setMembersMayPause, setPlanArchived } from "@/lib/subscriptions/plans";
import { importPlansSchema, planFormSchema, planIdSchema } from "@/lib/subscriptions/schemas";

// Plans are products and prices in the dojo's Stripe account: owners and managers make them.
const plans = { permission: "settings", feature: "subscriptions" } as const;

export const createPlanAction = staffAction({ schema: planFormSchema.extend({ attempt: z.string().uuid() }), ...plans }, async (input, ctx) => {
  const db = await getDb();
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  const plan = await createPlan(db, stripe, { dojoId: ctx.dojo.id, currency: connection.currency, ...input });
  revalidatePath("/members/plans");
  return { id: plan.id };
});

/** The account's active recurring prices to choose from (read when the import dialog opens). */
export const listStripePricesAction = staffAction({ schema: z.object({}), ...plans }, async (_input, ctx) => {
  const db = await getDb();
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  return listStripePrices(db, stripe, { dojoId: ctx.dojo.id, currency: connection.currency });
});

export const importPlansAction = staffAction({ schema: importPlansSchema, ...plans }, async ({ priceIds }, ctx) => {
  const db = await getDb();
  const { stripe, connection } = await stripeForDojo(db, ctx.dojo.id);
  const result = await importPlans(db, stripe, { dojoId: ctx.dojo.id, currency: connection.currency, priceIds });
  revalidatePath("/members/plans");
  return result;
});

export const archivePlanAction = staffAction({ schema: planIdSchema.extend({ archived: z.boolean() }), ...plans }, async ({ planId, archived }, ctx) => {
  await setPlanArchived(await getDb(), ctx.dojo.id, planId, archived);
  revalidatePath("/members/plans");
  return null;
});

/** Whether members may pause and resume their own subscription in the members area. */
export const setMembersMayPauseAction = staffAction({ schema: z.object({ allowed: z.boolean() }), ...plans }, async ({ allowed }, ctx) => {
  await setMembersMayPause(await getDb(), ctx.dojo.id, allowed);
  revalidatePath("/members/plans");
  return { allowed };
});
