"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { runMoneyCheckQuietly } from "@/lib/stripe/money-check/check";
import { refundDifferenceSchema, settleDifferenceSchema } from "@/lib/stripe/money-check/schemas";
import { isListed, recordInTatami, refundAtStripe } from "@/lib/stripe/money-check/settle";

// Settling a money-check difference moves money or books it: the people who may refund.
const settling = { permission: "refunds", feature: "stripePayments" } as const;

// Checks again so the page shows what is left; a Stripe hiccup then must not turn a settled difference into an error.
async function checkAgain(dojoId: string): Promise<number | null> {
  revalidatePath("/settings/stripe");
  revalidatePath("/dashboard");
  return runMoneyCheckQuietly(await getDb(), dojoId);
}

/** "Record it": books the payment, refund or refund failure in Tatami; then checks again. */
export const recordDifferenceAction = staffAction({ schema: settleDifferenceSchema, ...settling }, async ({ stripeId }, ctx) => {
  const db = await getDb();
  const listed = await isListed(db, ctx.dojo.id, stripeId, "record");
  if (listed) await recordInTatami(db, { dojoId: ctx.dojo.id, staffId: ctx.user.id }, stripeId);
  return { settled: listed, differences: await checkAgain(ctx.dojo.id) };
});

/** "Refund it": gives back at Stripe a payment Tatami never recorded; then checks again. */
export const refundDifferenceAction = staffAction({ schema: refundDifferenceSchema, ...settling }, async ({ stripeId }, ctx) => {
  const db = await getDb();
  const listed = await isListed(db, ctx.dojo.id, stripeId, "refund");
  if (listed) await refundAtStripe(db, ctx.dojo.id, stripeId);
  return { settled: listed, differences: await checkAgain(ctx.dojo.id) };
});
