"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { cancelScheduledChange, scheduleDowngrade } from "@/lib/account-plans/change-plan";
import { confirmPlanCheckout, openCardCheckout, openSubscribeCheckout } from "@/lib/account-plans/checkout";
import { confirmUpgradeSchema, downgradeSchema, emptySchema, planCheckoutSchema, subscribeSchema, upgradeSchema } from "@/lib/account-plans/schemas";
import { confirmUpgrade, upgradePlan } from "@/lib/account-plans/upgrade";

const owner = { permission: "settings.account" } as const;

// The plan changes what every page may show.
const changed = () => revalidatePath("/", "layout");

export const openSubscribeCheckoutAction = staffAction({ schema: subscribeSchema, ...owner }, async (input, ctx) => openSubscribeCheckout(await getDb(), ctx.dojo, input));

export const openCardCheckoutAction = staffAction({ schema: emptySchema, ...owner }, async (_input, ctx) => openCardCheckout(await getDb(), ctx.dojo));

export const confirmPlanCheckoutAction = staffAction({ schema: planCheckoutSchema, ...owner }, async ({ sessionId }, ctx) => {
  const result = await confirmPlanCheckout(await getDb(), ctx.dojo, sessionId);
  changed();
  return result;
});

export const upgradePlanAction = staffAction({ schema: upgradeSchema, ...owner }, async (input, ctx) => {
  const result = await upgradePlan(await getDb(), ctx.dojo, input);
  changed();
  return result;
});

/** After 3-D Secure in the browser: the upgrade applies if Stripe says its invoice is paid. */
export const confirmUpgradeAction = staffAction({ schema: confirmUpgradeSchema, ...owner }, async ({ requestId }, ctx) => {
  const result = await confirmUpgrade(await getDb(), ctx.dojo, requestId);
  changed();
  return result;
});

export const scheduleDowngradeAction = staffAction({ schema: downgradeSchema, ...owner }, async ({ plan }, ctx) => {
  const result = await scheduleDowngrade(await getDb(), ctx.dojo, plan);
  changed();
  return result;
});

export const cancelScheduledChangeAction = staffAction({ schema: emptySchema, ...owner }, async (_input, ctx) => {
  await cancelScheduledChange(await getDb(), ctx.dojo);
  changed();
  return null;
});
