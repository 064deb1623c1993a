import type { Tx } from "@/db/client";
import { invalidInput, refused } from "@/lib/errors";
import type { AfterCommit } from "@/lib/after-commit";
import { lockInvoice } from "@/lib/invoices/lock-invoice";
import { today } from "@/lib/dates";
import { parseAmount } from "@/lib/money";
import { recordPayment, type RecordedPayment } from "./record-payment";
import type { ManualPaymentInput } from "./schemas";

/** Cash or bank transfer recorded by staff: the typed amount is read in the invoice's currency. */
export async function recordManualPayment(tx: Tx, ctx: { dojoId: string; userId: string }, input: ManualPaymentInput, afterCommit?: AfterCommit): Promise<RecordedPayment> {
  const invoice = await lockInvoice(tx, ctx.dojoId, input.invoiceId);
  // Stripe keeps retrying an unpaid subscription invoice: cash taken here would be charged again.
  if (invoice.stripeInvoiceId) {
    throw refused("payment.manual_on_stripe_invoice");
  }
  const amount = parseAmount(input.amount, invoice.currency);
  if (!amount.ok) throw invalidInput("payment.amount", { problem: amount.message });
  // A day of slack for staff ahead of UTC.
  if (input.paidOn > today(new Date(Date.now() + 86_400_000))) throw invalidInput("payment.paid_on_in_future");
  return recordPayment(
    tx,
    {
      dojoId: ctx.dojoId,
      invoiceId: invoice.id,
      method: input.method,
      amountMinor: amount.minor,
      currency: invoice.currency,
      paidAt: paidAtOf(input.paidOn),
      reference: input.reference,
      recordedBy: ctx.userId,
    },
    { afterCommit },
  );
}

// A payment entered for today keeps the current time; a past date is stored at midday UTC
// so its calendar date (and the ledger entry's) is the one typed.
function paidAtOf(day: string, now = new Date()): Date {
  return day === today(now) ? now : new Date(`${day}T12:00:00Z`);
}
