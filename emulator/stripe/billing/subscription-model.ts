import type Stripe from "stripe";
import type { Account } from "../accounts";
import { formatAmount } from "../currency";
import { invalidParam } from "../errors";
import { newId } from "../ids";
import type { LineInit } from "./invoices";
import { addIntervals, type Interval } from "./time";

/** Emulator-only facts of a subscription: periods are counted from the anchor to avoid drift. */
export interface SubscriptionInternals extends Record<string, unknown> {
  anchor: number;
  periodIndex: number;
  /** True while the create request runs: its own status changes are reported by subscription.created. */
  creating?: boolean;
  /** customer.subscription.trial_will_end has been sent. */
  trialWarned?: boolean;
  /** A pending update (payment_behavior=pending_if_incomplete): what applies once its invoice is paid. */
  pendingChange?: { invoiceId: string; items: { id: string; price: string; quantity: number }[] };
}

export function subscriptionInternals(account: Account, id: string): SubscriptionInternals {
  return account.internal<SubscriptionInternals>(id);
}

export function recurringPrice(account: Account, priceId: string, param: string): Stripe.Price {
  const price = account.require<Stripe.Price>(priceId, "price", "price", param);
  if (!price.recurring || price.type !== "recurring") {
    throw invalidParam(param, `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`);
  }
  if (!price.active) throw invalidParam(param, `The price specified is inactive. This field only accepts active prices.`);
  if (price.unit_amount === null) throw invalidParam(param, `The price specified has no unit_amount; the emulator bills per-unit prices only.`);
  return price;
}

export function productName(account: Account, price: Stripe.Price): string {
  const productId = typeof price.product === "string" ? price.product : price.product.id;
  return account.get<Stripe.Product>(productId, "product")?.name ?? productId;
}

function planOf(price: Stripe.Price): Stripe.Plan {
  const recurring = price.recurring!;
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: price.unit_amount_decimal,
    billing_scheme: price.billing_scheme,
    created: price.created,
    currency: price.currency,
    interval: recurring.interval,
    interval_count: recurring.interval_count,
    livemode: price.livemode,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: typeof price.product === "string" ? price.product : price.product.id,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}

export function newSubscriptionItem(
  subscriptionId: string,
  price: Stripe.Price,
  quantity: number,
  period: { start: number; end: number },
  created: number,
  metadata: Record<string, string> = {},
): Stripe.SubscriptionItem {
  return {
    id: newId("si"),
    object: "subscription_item",
    billing_thresholds: null,
    created,
    current_period_end: period.end,
    current_period_start: period.start,
    current_trial: null,
    discounts: [],
    metadata,
    plan: planOf(price),
    price: structuredClone(price),
    quantity,
    subscription: subscriptionId,
    tax_rates: [],
  };
}

/** Replaces an item's price, keeping the item (and its id) as Stripe does. */
export function setItemPrice(item: Stripe.SubscriptionItem, price: Stripe.Price): void {
  item.price = structuredClone(price);
  item.plan = planOf(price);
}

export function intervalOf(sub: Stripe.Subscription): { interval: Interval; count: number } {
  const recurring = sub.items.data[0].price.recurring!;
  return { interval: recurring.interval, count: recurring.interval_count };
}

/** Period `index` of a subscription: [anchor + index intervals, anchor + index+1 intervals). */
export function periodAt(anchor: number, interval: Interval, count: number, index: number): { start: number; end: number } {
  return { start: addIntervals(anchor, interval, index * count), end: addIntervals(anchor, interval, (index + 1) * count) };
}

export function currentPeriod(sub: Stripe.Subscription): { start: number; end: number } {
  const item = sub.items.data[0];
  return { start: item.current_period_start, end: item.current_period_end };
}

export function itemAmount(item: Stripe.SubscriptionItem): number {
  return (item.price.unit_amount ?? 0) * (item.quantity ?? 1);
}

/** An invoice line billing an item for a whole period: `1 × Judo (at €20.00 / month)`. */
export function periodLine(account: Account, item: Stripe.SubscriptionItem, period: { start: number; end: number }): LineInit {
  const quantity = item.quantity ?? 1;
  const recurring = item.price.recurring!;
  const every = recurring.interval_count === 1 ? recurring.interval : `${recurring.interval_count} ${recurring.interval}s`;
  return {
    amount: itemAmount(item),
    description: `${quantity} × ${productName(account, item.price)} (at ${formatAmount(item.price.unit_amount ?? 0, item.price.currency)} / ${every})`,
    period,
    quantity,
    price: item.price,
    subscriptionItemId: item.id,
    proration: false,
  };
}

/** The zero line of a trial's invoice: `Trial period for Judo`. */
export function trialLine(account: Account, item: Stripe.SubscriptionItem, period: { start: number; end: number }): LineInit {
  return { ...periodLine(account, item, period), amount: 0, description: `Trial period for ${productName(account, item.price)}` };
}
