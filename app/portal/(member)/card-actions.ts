"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { memberAction } from "@/lib/action";
import { chargeSavedCard, confirmSavedCardPayment } from "@/lib/payments/card/charge-saved-card";
import { confirmInvoiceCheckout } from "@/lib/payments/card/confirm-checkout";
import { openInvoiceCheckout } from "@/lib/payments/card/open-checkout";
import { confirmCheckoutSchema, confirmSavedCardSchema, invoiceCheckoutSchema } from "@/lib/payments/card/schemas";

// The member and dojo come from the member's session; only the member's own invoices are found.
export const openMemberCheckoutAction = memberAction({ schema: invoiceCheckoutSchema, feature: "stripePayments" }, async ({ invoiceId }, ctx) => {
  const { clientSecret, publishableKey } = await openInvoiceCheckout(await getDb(), { dojoId: ctx.dojo.id, invoiceId, opener: { memberId: ctx.member.id } });
  return { clientSecret, publishableKey };
});

const settled = (invoiceId: string) => {
  revalidatePath("/portal");
  revalidatePath(`/portal/invoices/${invoiceId}`);
};

export const confirmMemberCheckoutAction = memberAction({ schema: confirmCheckoutSchema, feature: "stripePayments" }, async ({ sessionId }, ctx) => {
  const result = await confirmInvoiceCheckout(await getDb(), { dojoId: ctx.dojo.id, sessionId, memberId: ctx.member.id });
  if (result.outcome === "paid" || result.outcome === "refunded") settled(result.invoiceId);
  return result;
});

/**
 * "Pay with my saved card": the member's own card for the member's own invoice, the member
 * present (3-D Secure when the bank asks). The member confirmed in a dialog, so a payment page
 * left open for the invoice is closed first rather than asked about again.
 */
export const payWithSavedCardAction = memberAction({ schema: invoiceCheckoutSchema, feature: "stripePayments" }, async ({ invoiceId }, ctx) => {
  const result = await chargeSavedCard(await getDb(), { dojoId: ctx.dojo.id, invoiceId, memberId: ctx.member.id, closeOpenCheckout: true });
  if (result.status === "succeeded" || result.status === "refunded") settled(result.invoiceId);
  return result;
});

/** After 3-D Secure in the member's browser: Stripe's PaymentIntent decides. */
export const confirmSavedCardPaymentAction = memberAction({ schema: confirmSavedCardSchema, feature: "stripePayments" }, async ({ paymentIntentId }, ctx) => {
  const result = await confirmSavedCardPayment(await getDb(), { dojoId: ctx.dojo.id, paymentIntentId, memberId: ctx.member.id });
  if (result.status === "succeeded" || result.status === "refunded") settled(result.invoiceId);
  return result;
});
