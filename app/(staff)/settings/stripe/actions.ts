"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { connectStripe } from "@/lib/stripe/connect";
import { disconnectStripe } from "@/lib/stripe/disconnect";
import { connectStripeSchema, disconnectStripeSchema, paymentMethodsSchema, reconcileSchema } from "@/lib/stripe/schemas";
import { setPaymentMethods } from "@/lib/stripe/set-payment-methods";
import { reconcileStripeEvents } from "@/lib/stripe/webhooks/reconcile";

const PATH = "/settings/stripe";

export const connectStripeAccount = staffAction({ schema: connectStripeSchema, permission: "settings.payments", feature: "stripePayments" }, async (input, ctx) => {
  const result = await connectStripe(await getDb(), ctx, input);
  revalidatePath(PATH);
  return result;
});

export const disconnectStripeAccount = staffAction({ schema: disconnectStripeSchema, permission: "settings.payments", feature: "stripePayments" }, async (_input, ctx) => {
  await disconnectStripe(await getDb(), ctx.dojo.id);
  revalidatePath(PATH);
  return null;
});

export const reconcileStripe = staffAction({ schema: reconcileSchema, permission: "settings.payments", feature: "stripePayments" }, async (input, ctx) => {
  const summary = await reconcileStripeEvents(await getDb(), ctx.dojo.id, input.days);
  revalidatePath(PATH);
  return summary;
});

export const savePaymentMethods = staffAction({ schema: paymentMethodsSchema, permission: "settings.payments", feature: "stripePayments" }, async (input, ctx) => {
  const methods = await setPaymentMethods(await getDb(), ctx.dojo.id, input.methods);
  revalidatePath(PATH);
  return methods;
});
