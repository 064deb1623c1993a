"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { runMoneyCheck } from "@/lib/stripe/money-check/check";
import { refundDifferenceSchema, settleDifferenceSchema } from "@/lib/stripe/money-check/schemas";
import { isListed, recordInTatami, refundAtStripe } from "@/lib/stripe/money-check/settle";

// Settling a money-check difference moves money or books it: the people who may refund.
const settling = { permission: "refunds", feature: "stripePayments" } as const;

function refresh() {
  revalidatePath("/settings/stripe");
  revalidatePath("/dashboard");
}

/** "Record it": books the payment, refund or refund failure in Tatami; then checks again. */
export const recordDifferenceAction = staffAction({ schema: settleDifferenceSchema, ...settling }, async ({ stripeId }, ctx) => {
  const db = await getDb();
  const listed = await isListed(db, ctx.dojo.id, stripeId, "record");
  if (listed) await recordInTatami(db, { dojoId: ctx.dojo.id, staffId: ctx.user.id }, stripeId);
  const check = await runMoneyCheck(db, ctx.dojo.id);
  refresh();
  return { settled: listed, differences: check.differences.length };
});

/** "Refund it": gives back at Stripe a payment Tatami never recorded; then checks again. */
export const refundDifferenceAction = staffAction({ schema: refundDifferenceSchema, ...settling }, async ({ stripeId }, ctx) => {
  const db = await getDb();
  const listed = await isListed(db, ctx.dojo.id, stripeId, "refund");
  if (listed) await refundAtStripe(db, ctx.dojo.id, stripeId);
  const check = await runMoneyCheck(db, ctx.dojo.id);
  refresh();
  return { settled: listed, differences: check.differences.length };
});
