import type Stripe from "stripe";
import type { Account } from "../accounts";
import { emitEvent } from "../events";
import { newId } from "../ids";
import type { LineInit } from "./invoices";
import { productName } from "./subscription-model";
import { formatDay } from "./time";

export interface ItemChange {
  item: Stripe.SubscriptionItem;
  oldPrice: Stripe.Price;
  oldQuantity: number;
  newPrice: Stripe.Price;
  newQuantity: number;
}

/**
 * Stripe's proration, by the second: the unused part of the period on the old price comes back
 * as a credit line and the rest of the period on the new price is charged as a debit line, each
 * `amount × (period_end − proration_date) / (period_end − period_start)`, rounded to the unit.
 */
export function prorationAmounts(change: ItemChange, period: { start: number; end: number }, prorationDate: number): { credit: number; debit: number } {
  const fraction = (period.end - prorationDate) / (period.end - period.start);
  const oldAmount = (change.oldPrice.unit_amount ?? 0) * change.oldQuantity;
  const newAmount = (change.newPrice.unit_amount ?? 0) * change.newQuantity;
  return { credit: -Math.round(oldAmount * fraction), debit: Math.round(newAmount * fraction) };
}

function invoiceItem(
  account: Account,
  sub: Stripe.Subscription,
  change: ItemChange,
  price: Stripe.Price,
  quantity: number,
  amount: number,
  description: string,
  period: { start: number; end: number },
  now: number,
): Stripe.InvoiceItem {
  const item: Stripe.InvoiceItem = {
    id: newId("ii"),
    object: "invoiceitem",
    amount,
    currency: sub.currency,
    customer: sub.customer as string,
    customer_account: null,
    date: now,
    description,
    discountable: false,
    discounts: [],
    invoice: null,
    livemode: account.livemode,
    metadata: {},
    parent: { type: "subscription_details", subscription_details: { subscription: sub.id, subscription_item: change.item.id } },
    period,
    pricing: {
      type: "price_details",
      price_details: { price: price.id, product: typeof price.product === "string" ? price.product : price.product.id },
      unit_amount_decimal: price.unit_amount_decimal,
    },
    proration: true,
    proration_details: { credited_items: null, discount_amounts: [] },
    quantity,
    quantity_decimal: String(quantity) as unknown as Stripe.Decimal,
    tax_rates: [],
    test_clock: (sub.test_clock as string | null) ?? null,
  };
  account.insert(item);
  emitEvent(account, "invoiceitem.created", item, null, { created: now });
  return item;
}

/** The pending credit and debit invoice items for a price or quantity change. */
export function createProrationItems(
  account: Account,
  sub: Stripe.Subscription,
  change: ItemChange,
  period: { start: number; end: number },
  prorationDate: number,
  now: number,
): Stripe.InvoiceItem[] {
  const { credit, debit } = prorationAmounts(change, period, prorationDate);
  const span = { start: prorationDate, end: period.end };
  const day = formatDay(prorationDate);
  const oldName = productName(account, change.oldPrice);
  const newName = productName(account, change.newPrice);
  const qty = (q: number) => (q === 1 ? "" : `${q} × `);
  return [
    invoiceItem(account, sub, change, change.oldPrice, change.oldQuantity, credit, `Unused time on ${qty(change.oldQuantity)}${oldName} after ${day}`, span, now),
    invoiceItem(account, sub, change, change.newPrice, change.newQuantity, debit, `Remaining time on ${qty(change.newQuantity)}${newName} after ${day}`, span, now),
  ];
}

/** Pending (not yet invoiced) invoice items of a subscription, oldest first. */
export function pendingItems(account: Account, subscriptionId: string): Stripe.InvoiceItem[] {
  return account
    .list<Stripe.InvoiceItem>("invoiceitem", (ii) => ii.invoice === null && ii.parent?.subscription_details?.subscription === subscriptionId)
    .reverse();
}

/** Invoice lines for pending items; the items are marked as belonging to the invoice by `claim`. */
export function linesForItems(account: Account, items: Stripe.InvoiceItem[]): LineInit[] {
  return items.map((ii) => {
    const priceId = ii.pricing?.price_details?.price;
    const price = priceId ? account.require<Stripe.Price>(typeof priceId === "string" ? priceId : priceId.id, "price", "price") : null;
    return {
      amount: ii.amount,
      description: ii.description ?? "",
      period: ii.period,
      quantity: ii.quantity,
      price,
      subscriptionItemId: ii.parent?.subscription_details?.subscription_item ?? "",
      invoiceItemId: ii.id,
      proration: ii.proration,
    };
  });
}

export function claimItems(items: Stripe.InvoiceItem[], invoiceId: string): void {
  for (const ii of items) ii.invoice = invoiceId;
}
