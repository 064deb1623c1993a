import type Stripe from "stripe";
import type { Account } from "../accounts";
import { invoiceForPaymentIntent, markInvoicePaid, onInvoicePaid, onInvoicePaymentFailed, recordFailedAttempt, subscriptionIdOf } from "./invoices";
import { onExternalInvoicePaymentSettled } from "./payments";
import { subscriptionInternals } from "./subscription-model";
import { applyPendingUpdate, updateSubscription } from "./subscriptions";
import { billingNow } from "./time";

function subscriptionOf(account: Account, invoice: Stripe.Invoice): Stripe.Subscription | undefined {
  const id = subscriptionIdOf(invoice);
  return id ? account.get<Stripe.Subscription>(id, "subscription") : undefined;
}

let wired = false;

/**
 * Subscriptions follow their invoices: a paid invoice makes an incomplete or past_due
 * subscription active; a failed renewal makes an active one past_due. An invoice's PaymentIntent
 * settled outside billing (3-D Secure done on the hosted invoice page or through Stripe.js, or the
 * app confirming it) pays or fails the invoice.
 */
export function wireBillingLifecycle(): void {
  if (wired) return;
  wired = true;

  onInvoicePaid((account, invoice, at) => {
    const sub = subscriptionOf(account, invoice);
    if (sub) applyPendingUpdate(account, sub, invoice.id, at);
    if (sub && (sub.status === "incomplete" || sub.status === "past_due" || sub.status === "unpaid")) {
      updateSubscription(account, sub, at, (s) => {
        s.status = "active";
      });
    }
  });

  onInvoicePaymentFailed((account, invoice, _outcome, at) => {
    const sub = subscriptionOf(account, invoice);
    // A pending update's invoice failing leaves the subscription as it was.
    const pendingInvoice = sub && subscriptionInternals(account, sub.id).pendingChange?.invoiceId === invoice.id;
    if (sub && !pendingInvoice && sub.status === "active" && invoice.billing_reason !== "subscription_create") {
      updateSubscription(account, sub, at, (s) => {
        s.status = "past_due";
      });
    }
  });

  onExternalInvoicePaymentSettled((account, pi) => {
    const invoice = invoiceForPaymentIntent(account, pi.id);
    if (!invoice || invoice.status !== "open") return;
    const now = billingNow(account, invoice.customer as string);
    if (pi.status === "succeeded") {
      markInvoicePaid(account, invoice, now);
    } else if (pi.status === "requires_payment_method") {
      invoice.attempted = true;
      invoice.attempt_count += 1;
      recordFailedAttempt(account, invoice, { status: "failed", paymentIntent: pi }, now);
    }
  });
}
