import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { invoices, members, payments, type Invoice, type Payment, type PaymentMethod } from "@/db/schema";
import { ActionError } from "@/lib/action-result";
import type { AfterCommit } from "@/lib/after-commit";
import { appendLedgerEntry } from "@/lib/ledger/append";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { invalidAmount } from "@/lib/errors";
import { assertPayable } from "@/lib/invoices/payable";
import { endOpenCheckouts } from "./card/end-checkouts";
import { memberFullName } from "@/lib/members/full-name";

export const PAYMENTS_LEDGER_CATEGORY = "Invoice payments";

export interface RecordPaymentInput {
  dojoId: string;
  invoiceId: string;
  method: PaymentMethod;
  amountMinor: number;
  currency: string;
  paidAt: Date;
  reference?: string | null;
  stripePaymentIntentId?: string | null;
  stripeChargeId?: string | null;
  recordedBy?: string | null;
}

export interface RecordedPayment {
  payment: Payment;
  /** False when this PaymentIntent was already recorded (by the browser or the webhook). */
  created: boolean;
  invoice: Invoice;
}

/**
 * The one way a payment is recorded, for every method and caller (staff, members area,
 * webhooks). Idempotent per Stripe PaymentIntent. In the caller's transaction it locks the
 * invoice, stores the payment, books exactly one revenue entry for it and marks the invoice
 * paid once payments cover the total. The open amount changed, so the invoice's open Checkout
 * Sessions (made for the old amount) are ended. It refuses what the invoice cannot take: money
 * Stripe already took goes through settleStripePayment, which refunds that part instead.
 */
export async function recordPayment(tx: Tx, input: RecordPaymentInput, opts: { afterCommit?: AfterCommit } = {}): Promise<RecordedPayment> {
  // The lock comes first: a second caller with the same PaymentIntent waits here and then
  // finds the payment the first one committed.
  const invoice = await lockInvoice(tx, input.dojoId, input.invoiceId);
  if (input.stripePaymentIntentId) {
    const [existing] = await tx.select().from(payments).where(eq(payments.stripePaymentIntentId, input.stripePaymentIntentId));
    if (existing) {
      if (existing.dojoId !== input.dojoId || existing.invoiceId !== invoice.id) throw new ActionError("This card payment was already recorded for another invoice.");
      return { payment: existing, created: false, invoice };
    }
  }
  const openMinor = assertPayable(invoice);
  if (input.currency.toUpperCase() !== invoice.currency) throw invalidAmount("other_currency", { currency: input.currency.toUpperCase(), expectedCurrency: invoice.currency });
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) throw invalidAmount("not_positive");
  if (input.amountMinor > openMinor) throw invalidAmount("more_than_open", { openMinor, expectedCurrency: invoice.currency });

  const [payment] = await tx
    .insert(payments)
    .values({
      dojoId: input.dojoId,
      invoiceId: invoice.id,
      method: input.method,
      amountMinor: input.amountMinor,
      currency: invoice.currency,
      paidAt: input.paidAt,
      reference: input.reference?.trim() || null,
      stripePaymentIntentId: input.stripePaymentIntentId ?? null,
      stripeChargeId: input.stripeChargeId ?? null,
      recordedBy: input.recordedBy ?? null,
    })
    .returning();

  const [member] = await tx.select({ name: memberFullName() }).from(members).where(eq(members.id, invoice.memberId));
  await appendLedgerEntry(tx, {
    dojoId: input.dojoId,
    date: input.paidAt.toISOString().slice(0, 10),
    kind: "revenue",
    category: PAYMENTS_LEDGER_CATEGORY,
    description: `Invoice ${invoice.number} · ${member?.name ?? "member"}`,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    paymentId: payment.id,
    invoiceId: invoice.id,
    createdBy: input.recordedBy ?? null,
  });

  const paidMinor = invoice.paidMinor + payment.amountMinor;
  const settled = paidMinor >= invoice.totalMinor;
  const [updated] = await tx
    .update(invoices)
    .set({ paidMinor, ...(settled ? { status: "paid" as const, paidAt: input.paidAt } : {}) })
    .where(eq(invoices.id, invoice.id))
    .returning();
  await endOpenCheckouts(tx, input.dojoId, invoice.id, { afterCommit: opts.afterCommit });
  return { payment, created: true, invoice: updated };
}
