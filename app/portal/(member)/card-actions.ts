"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { memberAction } from "@/lib/action";
import { confirmInvoiceCheckout } from "@/lib/payments/card/confirm-checkout";
import { openInvoiceCheckout } from "@/lib/payments/card/open-checkout";
import { confirmCheckoutSchema, invoiceCheckoutSchema } from "@/lib/payments/card/schemas";

// The member and dojo come from the member's session; only the member's own invoices are found.
export const openMemberCheckoutAction = memberAction({ schema: invoiceCheckoutSchema, feature: "stripePayments" }, async ({ invoiceId }, ctx) => {
  const { clientSecret, publishableKey } = await openInvoiceCheckout(await getDb(), { dojoId: ctx.dojo.id, invoiceId, opener: { memberId: ctx.member.id } });
  return { clientSecret, publishableKey };
});

export const confirmMemberCheckoutAction = memberAction({ schema: confirmCheckoutSchema, feature: "stripePayments" }, async ({ sessionId }, ctx) => {
  const result = await confirmInvoiceCheckout(await getDb(), { dojoId: ctx.dojo.id, sessionId, memberId: ctx.member.id });
  if (result.outcome === "paid" || result.outcome === "refunded") {
    revalidatePath("/portal");
    revalidatePath(`/portal/invoices/${result.invoiceId}`);
  }
  return result;
});
