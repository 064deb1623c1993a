import type Stripe from "stripe";
import type { Account } from "../accounts";
import { invalidParam, invalidRequest } from "../errors";
import { buildSubscriptionInvoice, type LineInit } from "./invoices";
import { linesForItems, pendingItems, prorationAmounts } from "./prorations";
import { intervalOf, periodAt, periodLine, productName, subscriptionInternals } from "./subscription-model";
import { resolveChange, type ProrationBehavior, type SubscriptionChange } from "./subscriptions";
import { billingNow, formatDay } from "./time";

export interface PreviewInit {
  customer?: string;
  subscription?: string;
  items: SubscriptionChange["items"];
  prorationBehavior?: ProrationBehavior;
  prorationDate?: number;
}

/**
 * POST /v1/invoices/create_preview for a subscription, stored nowhere. With
 * proration_behavior=always_invoice it is the invoice the same update would bill at once (the
 * prorations and pending items); otherwise the next renewal invoice, prorations included.
 */
export function previewSubscriptionInvoice(account: Account, init: PreviewInit): Stripe.Invoice {
  if (!init.subscription) {
    throw invalidRequest("The emulator previews subscription invoices only: pass `subscription`.", "subscription", "parameter_missing");
  }
  const sub = account.require<Stripe.Subscription>(init.subscription, "subscription", "subscription", "subscription");
  if (init.customer && init.customer !== sub.customer) {
    throw invalidParam("customer", "The subscription does not belong to this customer.");
  }
  const customer = account.require<Stripe.Customer>(sub.customer as string, "customer", "customer");
  const now = billingNow(account, customer.id);
  const { period, prorationDate, itemChanges } = resolveChange(account, sub, init.items, init.prorationDate, now);
  const behavior = init.prorationBehavior ?? "create_prorations";

  const prorationLines: LineInit[] = [];
  if (behavior !== "none" && sub.status !== "incomplete") {
    const day = formatDay(prorationDate);
    const span = { start: prorationDate, end: period.end };
    for (const c of itemChanges) {
      if (c.oldPrice.id === c.newPrice.id && c.oldQuantity === c.newQuantity) continue;
      const { credit, debit } = prorationAmounts(c, period, prorationDate);
      const base = { period: span, subscriptionItemId: c.item.id, proration: true };
      prorationLines.push(
        { ...base, amount: credit, quantity: c.oldQuantity, price: c.oldPrice, description: `Unused time on ${productName(account, c.oldPrice)} after ${day}` },
        { ...base, amount: debit, quantity: c.newQuantity, price: c.newPrice, description: `Remaining time on ${productName(account, c.newPrice)} after ${day}` },
      );
    }
  }
  const pending = linesForItems(account, pendingItems(account, sub.id));

  let lines: LineInit[];
  let invoicePeriod: { start: number; end: number };
  let reason: Stripe.Invoice.BillingReason;
  if (behavior === "always_invoice") {
    lines = [...pending, ...prorationLines];
    invoicePeriod = { start: now, end: now };
    reason = "subscription_update";
  } else {
    const { interval, count } = intervalOf(sub);
    const internals = subscriptionInternals(account, sub.id);
    const next = periodAt(internals.anchor, interval, count, internals.periodIndex + 1);
    const renewed = sub.items.data.map((item) => {
      const change = itemChanges.find((c) => c.item.id === item.id);
      const after = change ? { ...item, price: change.newPrice, quantity: change.newQuantity } : item;
      return periodLine(account, after, next);
    });
    lines = [...pending, ...prorationLines, ...renewed];
    invoicePeriod = { start: period.start, end: period.end };
    reason = "upcoming";
  }

  const invoice = buildSubscriptionInvoice(account, { customer, subscription: sub, reason, lines, period: invoicePeriod, now }, `upcoming_${sub.id}`);
  // What finalizing would charge: the customer's credit balance is applied first.
  const due = invoice.total + customer.balance;
  invoice.starting_balance = customer.balance;
  invoice.ending_balance = due < 0 ? due : 0;
  invoice.amount_due = Math.max(0, due);
  invoice.amount_remaining = invoice.amount_due;
  return invoice;
}
