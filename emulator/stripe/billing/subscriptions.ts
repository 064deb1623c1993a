import type Stripe from "stripe";
import type { Account } from "../accounts";
import { cardError, invalidParam, invalidRequest, resourceMissing, StripeApiError } from "../errors";
import { emitEvent, previousAttributes } from "../events";
import { newId } from "../ids";
import { embeddedList } from "../list";
import { attemptInvoicePayment, createSubscriptionInvoice, finalizeInvoice, voidInvoice } from "./invoices";
import type { ChargeOutcome } from "./payments";
import { claimItems, createProrationItems, linesForItems, pendingItems, type ItemChange } from "./prorations";
import {
  currentPeriod,
  newSubscriptionItem,
  periodAt,
  periodLine,
  recurringPrice,
  setItemPrice,
  subscriptionInternals,
  trialLine,
} from "./subscription-model";
import { createInvoiceItem, type InvoiceItemInit } from "./invoice-items";
import { billingNow } from "./time";

export type PaymentBehavior = "allow_incomplete" | "default_incomplete" | "error_if_incomplete" | "pending_if_incomplete";

export interface SubscriptionInit {
  customer: string;
  items: { price: string; quantity: number; metadata?: Record<string, string> }[];
  defaultPaymentMethod?: string | null;
  paymentBehavior?: PaymentBehavior;
  metadata?: Record<string, string>;
  description?: string | null;
  cancelAtPeriodEnd?: boolean;
  /** Starts with a free trial: status trialing, a zero invoice now, the first charge at trial end. */
  trialPeriodDays?: number;
  /** The same with the trial's end given as a Unix timestamp (`trial_end`); excludes trialPeriodDays. */
  trialEnd?: number;
  /**
   * `off_session`: nobody is present, so a card set up for off-session use is charged without
   * asking. Stripe's default is on-session (false): a card that wants 3-D Secure for payments with
   * the holder present (3155 even once set up, 3184) leaves the first invoice requires_action.
   * https://docs.stripe.com/api/subscriptions/create#create_subscription-off_session
   */
  offSession?: boolean;
  /**
   * `add_invoice_items`: one-time prices (or price_data) billed on "the next invoice for this
   * subscription", which on create is its first invoice — the zero trial invoice too, which then
   * charges them at once (https://docs.stripe.com/api/subscriptions/create#create_subscription-add_invoice_items).
   */
  addInvoiceItems?: Pick<InvoiceItemInit, "price" | "priceData" | "quantity" | "metadata">[];
}

// Stripe's limit on add_invoice_items (https://docs.stripe.com/api/subscriptions/create#create_subscription-add_invoice_items).
const MAX_ADD_INVOICE_ITEMS = 20;

function attachedPaymentMethod(account: Account, customerId: string, pmId: string, param: string): string {
  const pm = account.get<Stripe.PaymentMethod>(pmId, "payment_method");
  if (!pm || pm.customer !== customerId) {
    throw invalidParam(
      param,
      `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
      "resource_missing",
    );
  }
  return pmId;
}

/** Status the subscription takes after its first invoice's payment attempt. */
function statusAfterFirstPayment(outcome: ChargeOutcome | null, invoice: Stripe.Invoice): Stripe.Subscription.Status {
  if (invoice.status === "paid") return "active";
  // A delayed method's first payment (SEPA) processing makes the subscription active, as Stripe does
  // for payments that "take time to process" (https://docs.stripe.com/billing/subscriptions/overview#payment-status).
  return outcome?.status === "succeeded" || outcome?.status === "processing" ? "active" : "incomplete";
}

/**
 * Creates a subscription and its first invoice (billing_reason subscription_create), finalizes it
 * and — unless payment_behavior=default_incomplete — charges the default payment method at once.
 */
export function createSubscription(account: Account, init: SubscriptionInit): Stripe.Subscription {
  const customer = account.require<Stripe.Customer>(init.customer, "customer", "customer", "customer");
  if (init.items.length === 0) throw invalidRequest("Missing required param: items.", "items", "parameter_missing");
  const prices = init.items.map((item, i) => recurringPrice(account, item.price, `items[${i}][price]`));
  const first = prices[0].recurring!;
  prices.forEach((price, i) => {
    if (price.currency !== prices[0].currency) {
      throw invalidParam(`items[${i}][price]`, "All prices on a subscription must have the same currency.");
    }
    if (price.recurring!.interval !== first.interval || price.recurring!.interval_count !== first.interval_count) {
      throw invalidParam(`items[${i}][price]`, "All prices on a subscription must have the same `recurring.interval` and `recurring.interval_count`.");
    }
  });
  const behavior = init.paymentBehavior ?? "allow_incomplete";
  if (behavior === "pending_if_incomplete") {
    // https://docs.stripe.com/billing/subscriptions/pending-updates: updates only.
    throw invalidParam("payment_behavior", "payment_behavior=pending_if_incomplete can only be used when updating a subscription.");
  }
  const defaultPm = init.defaultPaymentMethod
    ? attachedPaymentMethod(account, customer.id, init.defaultPaymentMethod, "default_payment_method")
    : null;
  const customerPm = customer.invoice_settings?.default_payment_method;
  const now = billingNow(account, customer.id);
  const trialEnd = trialEndOf(init, now);
  if (behavior !== "default_incomplete" && !trialEnd && !defaultPm && !customerPm) {
    throw invalidRequest(
      "This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.",
      undefined,
      "resource_missing",
    );
  }

  const extras = init.addInvoiceItems ?? [];
  if (extras.length > MAX_ADD_INVOICE_ITEMS) throw invalidParam("add_invoice_items", `A subscription can have at most ${MAX_ADD_INVOICE_ITEMS} add_invoice_items.`);
  extras.forEach((extra, i) => {
    if (!extra.price === !extra.priceData) throw invalidRequest("You must specify exactly one of these parameters: price, price_data.", `add_invoice_items[${i}][price]`);
  });

  const id = newId("sub");
  // A trial is a period of its own; regular periods are then counted from its end.
  const anchor = trialEnd ?? now;
  const period = trialEnd ? { start: now, end: trialEnd } : periodAt(now, first.interval, first.interval_count, 0);
  const sub: Stripe.Subscription = {
    id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: anchor,
    billing_cycle_anchor_config: null,
    billing_mode: { type: "classic", flexible: null },
    billing_schedules: [],
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    collection_method: "charge_automatically",
    created: now,
    currency: prices[0].currency,
    customer: customer.id,
    customer_account: null,
    days_until_due: null,
    default_payment_method: defaultPm,
    default_source: null,
    default_tax_rates: [],
    description: init.description ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: "self" } },
    items: embeddedList(
      init.items.map((item, i) => newSubscriptionItem(id, prices[i], item.quantity, period, now, item.metadata)),
      `/v1/subscription_items?subscription=${id}`,
    ),
    latest_invoice: null,
    livemode: account.livemode,
    managed_payments: null,
    metadata: init.metadata ?? {},
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: now,
    status: "incomplete",
    test_clock: customer.test_clock ?? null,
    transfer_data: null,
    trial_end: trialEnd,
    trial_settings: { end_behavior: { billing_cycle_anchor: null, missing_payment_method: "create_invoice" } },
    trial_start: trialEnd ? now : null,
  };
  if (init.cancelAtPeriodEnd) {
    sub.cancel_at_period_end = true;
    sub.cancel_at = period.end;
  }
  account.insert(sub);
  Object.assign(subscriptionInternals(account, id), { anchor, periodIndex: trialEnd ? -1 : 0, creating: true });

  try {
    const extraItems = extras.map((extra, i) => {
      try {
        return createInvoiceItem(account, { ...extra, customer: customer.id, subscription: id });
      } catch (error) {
        // The refusal names the parameter as sent (add_invoice_items[i][…]).
        if (error instanceof StripeApiError && error.body.param) error.body.param = `add_invoice_items[${i}]${error.body.param.replace(/^pricing\[price\]$/, "price").replace(/^currency$/, "price_data[currency]").replace(/^([a-z_]+)/, "[$1]")}`;
        throw error;
      }
    });
    const invoice = createSubscriptionInvoice(account, {
      customer,
      subscription: sub,
      reason: "subscription_create",
      lines: [...sub.items.data.map((item) => (trialEnd ? trialLine(account, item, period) : periodLine(account, item, period))), ...linesForItems(account, extraItems)],
      period: { start: now, end: now },
      now,
    });
    claimItems(extraItems, invoice.id);
    sub.latest_invoice = invoice.id;
    finalizeInvoice(account, invoice, now);
    let outcome: ChargeOutcome | null = null;
    if (invoice.status === "open" && behavior !== "default_incomplete") {
      outcome = attemptInvoicePayment(account, invoice, { offSession: !!init.offSession, now });
    }
    if (behavior === "error_if_incomplete" && invoice.status !== "paid" && outcome?.status !== "processing") {
      // Stripe does not create the subscription when its first payment fails in this mode.
      account.remove(sub.id);
      account.remove(invoice.id);
      throw firstPaymentError(outcome);
    }
    sub.status = trialEnd ? "trialing" : statusAfterFirstPayment(outcome, invoice);
  } finally {
    subscriptionInternals(account, id).creating = false;
  }
  emitEvent(account, "customer.subscription.created", sub, null, { created: now });
  return sub;
}

/** Stripe's cap on a trial: 730 days (two years), however it is given. */
const MAX_TRIAL_DAYS = 730;

/**
 * The trial's end: `trial_period_days` from now, or `trial_end` as given, which must lie in the
 * future (https://docs.stripe.com/api/subscriptions/create#create_subscription-trial_end).
 */
function trialEndOf(init: SubscriptionInit, now: number): number | null {
  if (init.trialPeriodDays !== undefined && init.trialEnd !== undefined) {
    throw invalidRequest("You may only specify one of these parameters: trial_end, trial_period_days.", "trial_end");
  }
  if (init.trialPeriodDays !== undefined && init.trialPeriodDays > MAX_TRIAL_DAYS) {
    throw invalidParam("trial_period_days", `The maximum number of trial period days is ${MAX_TRIAL_DAYS} (2 years).`);
  }
  if (init.trialEnd !== undefined) {
    if (init.trialEnd <= now) throw invalidParam("trial_end", "Invalid timestamp: must be an integer Unix timestamp in the future.");
    if (init.trialEnd > now + MAX_TRIAL_DAYS * 86_400) throw invalidParam("trial_end", `The maximum number of trial period days is ${MAX_TRIAL_DAYS} (2 years).`);
    return init.trialEnd;
  }
  return init.trialPeriodDays ? now + init.trialPeriodDays * 86_400 : null;
}

function firstPaymentError(outcome: ChargeOutcome | null): StripeApiError {
  const pi = outcome?.paymentIntent;
  if (outcome?.status === "requires_action") {
    return cardError({
      code: "subscription_payment_intent_requires_action",
      message: "Payment for this subscription requires additional user action before it can be completed successfully.",
      payment_intent: structuredClone(pi),
    });
  }
  const e = pi?.last_payment_error;
  return cardError({
    code: e?.code ?? "card_declined",
    decline_code: e?.decline_code,
    message: e?.message ?? "Your card was declined.",
    payment_intent: structuredClone(pi),
  });
}

/** Applies `mutate` and emits customer.subscription.updated with Stripe's previous_attributes. */
export function updateSubscription(account: Account, sub: Stripe.Subscription, at: number, mutate: (sub: Stripe.Subscription) => void): void {
  const before = structuredClone(sub);
  mutate(sub);
  if (subscriptionInternals(account, sub.id).creating) return;
  const prev = previousAttributes(before, sub);
  if (prev) emitEvent(account, "customer.subscription.updated", sub, prev, { created: at });
}

export type ProrationBehavior = "create_prorations" | "always_invoice" | "none";

export interface SubscriptionChange {
  items: { id: string; price?: string; quantity?: number }[];
  prorationBehavior?: ProrationBehavior;
  prorationDate?: number;
  cancelAtPeriodEnd?: boolean;
  defaultPaymentMethod?: string | null;
  metadata?: Record<string, string>;
  description?: string | null;
  paymentBehavior?: PaymentBehavior;
  /** As on create: the invoice a change bills is charged on-session unless this is true. */
  offSession?: boolean;
  /** `pause_collection`: set (already validated, see ./pause.ts), null to resume, undefined to keep. */
  pauseCollection?: Stripe.Subscription.PauseCollection | null;
}

const LIVE_STATUSES: Stripe.Subscription.Status[] = ["active", "past_due", "trialing", "incomplete", "unpaid"];

/**
 * Price/quantity changes keep the billing period; unless proration_behavior=none the unused time
 * is credited and the remaining time charged — as pending items for the next invoice
 * (create_prorations) or on an invoice billed right away (always_invoice).
 */
export function changeSubscription(account: Account, sub: Stripe.Subscription, change: SubscriptionChange): Stripe.Subscription {
  const customerId = sub.customer as string;
  const now = billingNow(account, customerId);
  const { period, prorationDate, itemChanges } = resolveChange(account, sub, change.items, change.prorationDate, now);
  const defaultPm =
    change.defaultPaymentMethod === undefined
      ? undefined
      : change.defaultPaymentMethod === null
        ? null
        : attachedPaymentMethod(account, customerId, change.defaultPaymentMethod, "default_payment_method");

  const behavior = change.prorationBehavior ?? "create_prorations";
  const prorate = behavior !== "none" && sub.status !== "incomplete";
  const offSession = !!change.offSession;
  // error_if_incomplete: the change stands only if the invoice billing it is paid, so its
  // customer.subscription.updated waits for that payment.
  const atomic = change.paymentBehavior === "error_if_incomplete" && behavior === "always_invoice" && prorate;
  if (change.paymentBehavior === "pending_if_incomplete") {
    checkPendingUpdateParams(change);
    if (behavior === "always_invoice" && prorate && itemChanges.some((c) => c.oldPrice.id !== c.newPrice.id || c.oldQuantity !== c.newQuantity)) {
      return changeWhenPaid(account, sub, itemChanges, period, prorationDate, now, offSession);
    }
  }
  const before = structuredClone(sub);
  const prorations: Stripe.InvoiceItem[] = [];
  for (const c of itemChanges) {
    if (c.oldPrice.id === c.newPrice.id && c.oldQuantity === c.newQuantity) continue;
    if (prorate) prorations.push(...createProrationItems(account, sub, c, period, prorationDate, now));
  }

  const apply = (s: Stripe.Subscription) => {
    for (const c of itemChanges) {
      setItemPrice(c.item, c.newPrice);
      c.item.quantity = c.newQuantity;
    }
    if (defaultPm !== undefined) s.default_payment_method = defaultPm;
    if (change.metadata) s.metadata = change.metadata;
    if (change.description !== undefined) s.description = change.description;
    if (change.pauseCollection !== undefined) s.pause_collection = change.pauseCollection;
    if (change.cancelAtPeriodEnd !== undefined) {
      s.cancel_at_period_end = change.cancelAtPeriodEnd;
      s.cancel_at = change.cancelAtPeriodEnd ? period.end : null;
      s.canceled_at = change.cancelAtPeriodEnd ? now : null;
      s.cancellation_details = { ...s.cancellation_details!, reason: change.cancelAtPeriodEnd ? "cancellation_requested" : null };
    }
  };
  if (atomic) apply(sub);
  else updateSubscription(account, sub, now, apply);

  if (behavior === "always_invoice" && prorations.length > 0) {
    const customer = account.require<Stripe.Customer>(customerId, "customer", "customer");
    const items = pendingItems(account, sub.id);
    const invoice = createSubscriptionInvoice(account, {
      customer,
      subscription: sub,
      reason: "subscription_update",
      lines: linesForItems(account, items),
      period: { start: now, end: now },
      now,
    });
    claimItems(items, invoice.id);
    if (atomic) sub.latest_invoice = invoice.id;
    else updateSubscription(account, sub, now, (s) => (s.latest_invoice = invoice.id));
    finalizeInvoice(account, invoice, now);
    const outcome = invoice.status === "open" ? attemptInvoicePayment(account, invoice, { offSession, now }) : null;
    if (atomic && invoice.status !== "paid") {
      revertChange(account, sub, before, itemChanges, invoice, items, now);
      throw firstPaymentError(outcome);
    }
  }
  if (atomic) {
    const prev = previousAttributes(before, sub);
    if (prev) emitEvent(account, "customer.subscription.updated", sub, prev, { created: now });
  }
  return sub;
}

/**
 * What a pending update may change (https://docs.stripe.com/billing/subscriptions/pending-updates-reference#supported-attributes);
 * of those the emulator covers items, proration_behavior and proration_date. The wording of this
 * refusal is the emulator's own.
 */
function checkPendingUpdateParams(change: SubscriptionChange): void {
  const unsupported = Object.entries({
    cancel_at_period_end: change.cancelAtPeriodEnd,
    default_payment_method: change.defaultPaymentMethod,
    description: change.description,
    metadata: change.metadata,
    pause_collection: change.pauseCollection,
  }).filter(([, value]) => value !== undefined);
  if (unsupported.length > 0) {
    throw invalidParam(
      unsupported[0][0],
      `These parameters cannot be used with payment_behavior=pending_if_incomplete: ${unsupported.map(([name]) => name).join(", ")}. A pending update supports only the parameters listed at https://docs.stripe.com/billing/subscriptions/pending-updates-reference#supported-attributes.`,
    );
  }
}

/**
 * payment_behavior=pending_if_incomplete (https://docs.stripe.com/billing/subscriptions/pending-updates):
 * the change is billed at once and applies only if that invoice is paid. Otherwise the subscription
 * keeps cycling unchanged, with the change in `pending_update` (expiring after 23 hours at most)
 * and the open invoice as `latest_invoice`; paying it later (3-D Secure through Stripe.js, the
 * hosted invoice page) applies the change (customer.subscription.pending_update_applied). A new
 * pending update replaces an earlier one, whose invoice is voided.
 */
function changeWhenPaid(
  account: Account,
  sub: Stripe.Subscription,
  itemChanges: ItemChange[],
  period: { start: number; end: number },
  prorationDate: number,
  now: number,
  offSession: boolean,
): Stripe.Subscription {
  discardPendingUpdate(account, sub, now, null);
  const prorations: Stripe.InvoiceItem[] = [];
  for (const c of itemChanges) {
    if (c.oldPrice.id !== c.newPrice.id || c.oldQuantity !== c.newQuantity) prorations.push(...createProrationItems(account, sub, c, period, prorationDate, now));
  }
  const customer = account.require<Stripe.Customer>(sub.customer as string, "customer", "customer");
  const items = pendingItems(account, sub.id);
  const invoice = createSubscriptionInvoice(account, {
    customer,
    subscription: sub,
    reason: "subscription_update",
    lines: linesForItems(account, items),
    period: { start: now, end: now },
    now,
  });
  claimItems(items, invoice.id);
  finalizeInvoice(account, invoice, now);
  const changes = itemChanges.map((c) => ({ id: c.item.id, price: c.newPrice.id, quantity: c.newQuantity }));
  subscriptionInternals(account, sub.id).pendingChange = { invoiceId: invoice.id, items: changes };
  if (invoice.status === "open") attemptInvoicePayment(account, invoice, { offSession, now });
  if (invoice.status === "paid") {
    // Paid at once: the invoice.paid listener has applied the change already.
    return sub;
  }
  const expiresAt = Math.min(period.end, sub.trial_end ?? Infinity, now + PENDING_UPDATE_LIFETIME);
  updateSubscription(account, sub, now, (s) => {
    s.latest_invoice = invoice.id;
    s.pending_update = {
      billing_cycle_anchor: null,
      cancel_at_period_end: null,
      discount: null,
      discounts: null,
      expires_at: expiresAt,
      metadata: null,
      subscription_items: itemChanges.map((c) => {
        const item = structuredClone(c.item);
        setItemPrice(item, c.newPrice);
        item.quantity = c.newQuantity;
        return item;
      }),
      trial_end: null,
      trial_from_plan: null,
    };
  });
  return sub;
}

// A pending update lives until the period (or trial) ends, 23 hours at most.
const PENDING_UPDATE_LIFETIME = 23 * 3600;

/** Applies a pending update whose invoice has just been paid. */
export function applyPendingUpdate(account: Account, sub: Stripe.Subscription, invoiceId: string, at: number): void {
  const internals = subscriptionInternals(account, sub.id);
  const pending = internals.pendingChange;
  if (!pending || pending.invoiceId !== invoiceId) return;
  internals.pendingChange = undefined;
  // Paid within the update request itself: the change simply applies, nothing was pending.
  const wasPending = sub.pending_update !== null;
  updateSubscription(account, sub, at, (s) => {
    for (const change of pending.items) {
      const item = s.items.data.find((i) => i.id === change.id);
      if (!item) continue;
      setItemPrice(item, account.require<Stripe.Price>(change.price, "price", "price"));
      item.quantity = change.quantity;
    }
    s.pending_update = null;
    s.latest_invoice = invoiceId;
  });
  if (wasPending) emitEvent(account, "customer.subscription.pending_update_applied", sub, null, { created: at });
}

/**
 * Drops a pending update and voids its open invoice: when it expires (the event says so), or
 * when a new pending update replaces it (`expired` null).
 */
export function discardPendingUpdate(account: Account, sub: Stripe.Subscription, at: number, expired: "expired" | null): void {
  const internals = subscriptionInternals(account, sub.id);
  const pending = internals.pendingChange;
  if (!pending) return;
  internals.pendingChange = undefined;
  const invoice = account.get<Stripe.Invoice>(pending.invoiceId, "invoice");
  if (invoice && invoice.status === "open") voidInvoice(account, invoice, at);
  updateSubscription(account, sub, at, (s) => {
    s.pending_update = null;
  });
  if (expired) emitEvent(account, "customer.subscription.pending_update_expired", sub, null, { created: at });
}

/** Undoes a refused error_if_incomplete change: old prices, the invoice voided, its items gone. */
function revertChange(
  account: Account,
  sub: Stripe.Subscription,
  before: Stripe.Subscription,
  itemChanges: ItemChange[],
  invoice: Stripe.Invoice,
  items: Stripe.InvoiceItem[],
  now: number,
): void {
  for (const c of itemChanges) {
    setItemPrice(c.item, c.oldPrice);
    c.item.quantity = c.oldQuantity;
  }
  const { items: _items, ...fields } = before;
  Object.assign(sub, fields);
  const customer = account.require<Stripe.Customer>(sub.customer as string, "customer", "customer");
  customer.balance = invoice.starting_balance;
  for (const ii of items) account.remove(ii.id);
  voidInvoice(account, invoice, now);
}

/** The current period, the proration date and each item's old and new price for a change. */
export function resolveChange(
  account: Account,
  sub: Stripe.Subscription,
  requestedItems: SubscriptionChange["items"],
  requestedProrationDate: number | undefined,
  now: number,
): { period: { start: number; end: number }; prorationDate: number; itemChanges: ItemChange[] } {
  if (!LIVE_STATUSES.includes(sub.status)) {
    throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
  }
  const period = currentPeriod(sub);
  const prorationDate = requestedProrationDate ?? now;
  if (prorationDate < period.start || prorationDate > period.end) {
    throw invalidParam("proration_date", "proration_date must be within the subscription's current period.");
  }
  const itemChanges: ItemChange[] = requestedItems.map((requested, i) => {
    const item = sub.items.data.find((si) => si.id === requested.id);
    if (!item) throw invalidParam(`items[${i}][id]`, `Invalid subscription_item id: ${requested.id}`, "resource_missing");
    const newPrice = requested.price ? recurringPrice(account, requested.price, `items[${i}][price]`) : item.price;
    if (newPrice.currency !== sub.currency) throw invalidParam(`items[${i}][price]`, "All prices on a subscription must have the same currency.");
    const oldRecurring = item.price.recurring!;
    if (newPrice.recurring!.interval !== oldRecurring.interval || newPrice.recurring!.interval_count !== oldRecurring.interval_count) {
      throw invalidParam(
        `items[${i}][price]`,
        "The emulator keeps the billing interval of a subscription: choose a price with the same recurring interval (changing it, which resets the billing cycle in Stripe, is not emulated).",
      );
    }
    return { item, oldPrice: item.price, oldQuantity: item.quantity ?? 1, newPrice, newQuantity: requested.quantity ?? item.quantity ?? 1 };
  });
  return { period, prorationDate, itemChanges };
}

/** DELETE /v1/subscriptions/:id — ends it now (customer.subscription.deleted). */
export function cancelSubscriptionNow(account: Account, sub: Stripe.Subscription, at?: number): Stripe.Subscription {
  if (sub.status === "canceled" || sub.status === "incomplete_expired") {
    throw resourceMissing("subscription", sub.id);
  }
  const now = at ?? billingNow(account, sub.customer as string);
  sub.status = "canceled";
  sub.canceled_at ??= now;
  sub.ended_at = now;
  sub.cancellation_details = { ...sub.cancellation_details!, reason: sub.cancellation_details?.reason ?? "cancellation_requested" };
  emitEvent(account, "customer.subscription.deleted", sub, null, { created: now });
  return sub;
}
