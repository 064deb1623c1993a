"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { staffAction } from "@/lib/action";
import { chargeSavedCard, confirmSavedCardPayment } from "@/lib/payments/card/charge-saved-card";
import { confirmInvoiceCheckout } from "@/lib/payments/card/confirm-checkout";
import { openInvoiceCheckout } from "@/lib/payments/card/open-checkout";
import { chargeSavedCardSchema, confirmCheckoutSchema, confirmSavedCardSchema, invoiceCheckoutSchema } from "@/lib/payments/card/schemas";

const card = { permission: "invoices", feature: "stripePayments" } as const;

const paid = (invoiceId: string) => {
  revalidatePath("/invoices");
  revalidatePath(`/invoices/${invoiceId}`);
  revalidatePath("/ledger");
};

export const openInvoiceCheckoutAction = staffAction({ schema: invoiceCheckoutSchema, ...card }, async ({ invoiceId }, ctx) => {
  const { clientSecret, publishableKey } = await openInvoiceCheckout(await getDb(), { dojoId: ctx.dojo.id, invoiceId, opener: { staffId: ctx.user.id } });
  return { clientSecret, publishableKey };
});

export const confirmInvoiceCheckoutAction = staffAction({ schema: confirmCheckoutSchema, ...card }, async ({ sessionId }, ctx) => {
  const result = await confirmInvoiceCheckout(await getDb(), { dojoId: ctx.dojo.id, sessionId, staffId: ctx.user.id });
  if (result.outcome === "paid" || result.outcome === "refunded") paid(result.invoiceId);
  return result;
});

export const chargeSavedCardAction = staffAction({ schema: chargeSavedCardSchema, ...card }, async ({ invoiceId, closeOpenCheckout }, ctx) => {
  const result = await chargeSavedCard(await getDb(), { dojoId: ctx.dojo.id, invoiceId, staffId: ctx.user.id, closeOpenCheckout });
  if (result.status === "succeeded" || result.status === "refunded") paid(result.invoiceId);
  return result;
});

export const confirmSavedCardAction = staffAction({ schema: confirmSavedCardSchema, ...card }, async ({ paymentIntentId }, ctx) => {
  const result = await confirmSavedCardPayment(await getDb(), { dojoId: ctx.dojo.id, paymentIntentId, staffId: ctx.user.id });
  if (result.status === "succeeded" || result.status === "refunded") paid(result.invoiceId);
  return result;
});
