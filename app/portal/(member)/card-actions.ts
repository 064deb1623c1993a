"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { memberAction } from "@/lib/action";
import type { MemberContext } from "@/lib/auth/session";
import { moneyLocale, resolveLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import type { RefundNotice } from "@/lib/payments/card/settle-confirmed-payment";
import { chargeSavedCard, confirmSavedCardPayment } from "@/lib/payments/card/charge-saved-card";
import { confirmInvoiceCheckout } from "@/lib/payments/card/confirm-checkout";
import { openInvoiceCheckout } from "@/lib/payments/card/open-checkout";
import { requirePaymentRights } from "@/lib/portal/family-scope";
import { confirmCheckoutSchema, confirmSavedCardSchema, invoiceCheckoutSchema } from "@/lib/payments/card/schemas";

// The member and dojo come from the member's session; only the member's own invoices are found,
// and a child whose family someone else pays for pays nothing (lib/portal/family-scope.ts).
export const openMemberCheckoutAction = memberAction({ schema: invoiceCheckoutSchema, feature: "stripePayments" }, async ({ invoiceId }, ctx) => {
  await requirePaymentRights(await getDb(), ctx.dojo.id, ctx.member.id);
  const { clientSecret, publishableKey } = await openInvoiceCheckout(await getDb(), { dojoId: ctx.dojo.id, invoiceId, opener: { memberId: ctx.member.id } });
  return { clientSecret, publishableKey };
});

const settled = (invoiceId: string) => {
  revalidatePath("/portal");
  revalidatePath(`/portal/invoices/${invoiceId}`);
};

/** An automatic refund in the member's words: the amount and the reason in their language. */
function forMember<R extends { refund: RefundNotice | null }>(result: R, ctx: MemberContext): R {
  const { refund } = result;
  if (!refund) return result;
  const locale = resolveLocale(ctx.member.language, ctx.dojo.defaultLanguage);
  const why = translator(locale, "emails.automaticRefund.reasons")(refund.reason);
  return { ...result, refund: { ...refund, why, amount: formatMoney(refund.amountMinor, refund.currency, moneyLocale(locale)) } };
}

export const confirmMemberCheckoutAction = memberAction({ schema: confirmCheckoutSchema, feature: "stripePayments" }, async ({ sessionId }, ctx) => {
  const result = await confirmInvoiceCheckout(await getDb(), { dojoId: ctx.dojo.id, sessionId, memberId: ctx.member.id });
  if (result.outcome === "paid" || result.outcome === "refunded") settled(result.invoiceId);
  return forMember(result, ctx);
});

/**
 * "Pay with my saved card": the member's own card for the member's own invoice, the member
 * present (3-D Secure when the bank asks). The member confirmed in a dialog, so a payment page
 * left open for the invoice is closed first rather than asked about again.
 */
export const payWithSavedCardAction = memberAction({ schema: invoiceCheckoutSchema, feature: "stripePayments" }, async ({ invoiceId }, ctx) => {
  await requirePaymentRights(await getDb(), ctx.dojo.id, ctx.member.id);
  const result = await chargeSavedCard(await getDb(), { dojoId: ctx.dojo.id, invoiceId, memberId: ctx.member.id, closeOpenCheckout: true });
  if (result.status === "succeeded" || result.status === "refunded") settled(result.invoiceId);
  return result.status === "refunded" ? forMember(result, ctx) : result;
});

/** After 3-D Secure in the member's browser: Stripe's PaymentIntent decides. */
export const confirmSavedCardPaymentAction = memberAction({ schema: confirmSavedCardSchema, feature: "stripePayments" }, async ({ paymentIntentId }, ctx) => {
  const result = await confirmSavedCardPayment(await getDb(), { dojoId: ctx.dojo.id, paymentIntentId, memberId: ctx.member.id });
  if (result.status === "succeeded" || result.status === "refunded") settled(result.invoiceId);
  return result.status === "refunded" ? forMember(result, ctx) : result;
});
