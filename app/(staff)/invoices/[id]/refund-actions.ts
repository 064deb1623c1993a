"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { refundCardPayment } from "@/lib/payments/refunds/refund-card-payment";
import { refundPaymentSchema } from "@/lib/payments/refunds/schemas";

export const refundCardPaymentAction = staffAction({ schema: refundPaymentSchema, permission: "refunds", feature: "stripePayments" }, async (input, ctx) => {
  const { refund, created, invoice } = await refundCardPayment(await getDb(), { dojoId: ctx.dojo.id, staffId: ctx.user.id }, input);
  revalidatePath("/invoices");
  revalidatePath(`/invoices/${invoice.id}`);
  revalidatePath("/ledger");
  return { refundId: refund.id, amountMinor: refund.amountMinor, currency: refund.currency, created, invoiceId: invoice.id };
});
