import type Stripe from "stripe";
import type { Account } from "../accounts";
import { cancelPaymentIntent } from "../charging";
import { emulatorConfig } from "../config";
import { emitEvent } from "../events";
import { newId } from "../ids";
import { chargeInvoicePayment, createInvoicePaymentIntent, type ChargeOutcome } from "./payments";

/** Emulator-only links of an invoice. */
interface InvoiceInternals extends Record<string, unknown> {
  paymentIntentId?: string;
  invoicePaymentId?: string;
}

export interface LineInit {
  amount: number;
  description: string;
  period: { start: number; end: number };
  quantity: number;
  /** Null for a one-off invoice item without a price (an amount, or price_data). */
  price: Stripe.Price | null;
  /** Empty for one-off invoice items: they belong to the subscription, not to one of its items. */
  subscriptionItemId: string;
  /** Set for lines pulled in from pending invoice items (prorations). */
  invoiceItemId?: string;
  proration: boolean;
}

type PaidListener = (account: Account, invoice: Stripe.Invoice, at: number) => void;
type FailedListener = (account: Account, invoice: Stripe.Invoice, outcome: ChargeOutcome, at: number) => void;
const paidListeners: PaidListener[] = [];
const failedListeners: FailedListener[] = [];

/** Subscriptions follow their invoices (incomplete → active, past_due → active …) through these. */
export function onInvoicePaid(listener: PaidListener): void {
  paidListeners.push(listener);
}
export function onInvoicePaymentFailed(listener: FailedListener): void {
  failedListeners.push(listener);
}

export function invoiceInternals(account: Account, invoiceId: string): InvoiceInternals {
  return account.internal<InvoiceInternals>(invoiceId);
}

export function subscriptionIdOf(invoice: Stripe.Invoice): string | null {
  const sub = invoice.parent?.subscription_details?.subscription;
  return typeof sub === "string" ? sub : (sub?.id ?? null);
}

function lineItem(account: Account, invoiceId: string, currency: string, subscriptionId: string, line: LineInit): Stripe.InvoiceLineItem {
  return {
    id: newId("il"),
    object: "line_item",
    amount: line.amount,
    currency,
    description: line.description,
    discount_amounts: [],
    discountable: !line.proration,
    discounts: [],
    invoice: invoiceId,
    livemode: account.livemode,
    metadata: {},
    parent:
      line.subscriptionItemId || !line.invoiceItemId
        ? {
            type: "subscription_item_details",
            invoice_item_details: null,
            subscription_item_details: {
              invoice_item: line.invoiceItemId ?? null,
              proration: line.proration,
              proration_details: { credited_items: null },
              subscription: subscriptionId,
              subscription_item: line.subscriptionItemId,
            },
          }
        : {
            type: "invoice_item_details",
            invoice_item_details: { invoice_item: line.invoiceItemId, proration: false, proration_details: { credited_items: null }, subscription: subscriptionId },
            subscription_item_details: null,
          },
    period: line.period,
    pretax_credit_amounts: [],
    pricing: line.price
      ? {
          type: "price_details",
          price_details: { price: line.price.id, product: typeof line.price.product === "string" ? line.price.product : line.price.product.id },
          unit_amount_decimal: line.price.unit_amount_decimal,
        }
      : null,
    quantity: line.quantity,
    quantity_decimal: null,
    subscription: subscriptionId,
    subtotal: line.amount,
    taxes: [],
  };
}

export interface SubscriptionInvoiceInit {
  customer: Stripe.Customer;
  subscription: Stripe.Subscription;
  reason: Stripe.Invoice.BillingReason;
  lines: LineInit[];
  period: { start: number; end: number };
  now: number;
}

/** A draft invoice of a subscription; emits invoice.created. */
export function createSubscriptionInvoice(account: Account, input: SubscriptionInvoiceInit): Stripe.Invoice {
  const invoice = buildSubscriptionInvoice(account, input, newId("in"));
  account.insert(invoice);
  emitEvent(account, "invoice.created", invoice, null, { created: input.now });
  return invoice;
}

/** The draft invoice object, stored nowhere (previews use it as it is). */
export function buildSubscriptionInvoice(account: Account, input: SubscriptionInvoiceInit, id: string): Stripe.Invoice {
  const { customer, subscription, now } = input;
  const lines = input.lines.map((l) => lineItem(account, id, subscription.currency, subscription.id, l));
  const total = lines.reduce((sum, l) => sum + l.amount, 0);
  const invoice: Stripe.Invoice = {
    id,
    object: "invoice",
    account_country: "US",
    account_name: account.displayName,
    account_tax_ids: null,
    amount_due: Math.max(0, total),
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: Math.max(0, total),
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null, provider: null, status: null },
    automatically_finalizes_at: now + 3600,
    billing_reason: input.reason,
    collection_method: "charge_automatically",
    created: now,
    currency: subscription.currency,
    custom_fields: null,
    customer: customer.id,
    customer_account: null,
    customer_address: customer.address ?? null,
    customer_email: customer.email ?? null,
    customer_name: customer.name ?? null,
    customer_phone: customer.phone ?? null,
    customer_shipping: null,
    customer_tax_exempt: customer.tax_exempt ?? "none",
    customer_tax_ids: [],
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    due_date: null,
    effective_at: null,
    ending_balance: null,
    footer: null,
    from_invoice: null,
    hosted_invoice_url: null,
    invoice_pdf: null,
    issuer: { type: "self" },
    last_finalization_error: null,
    latest_revision: null,
    lines: { object: "list", data: lines, has_more: false, url: `/v1/invoices/${id}/lines` },
    livemode: account.livemode,
    metadata: {},
    next_payment_attempt: null,
    number: null,
    on_behalf_of: null,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { metadata: { ...subscription.metadata }, subscription: subscription.id },
    },
    payment_settings: { default_mandate: null, payment_method_options: null, payment_method_types: null },
    period_end: input.period.end,
    period_start: input.period.start,
    post_payment_credit_notes_amount: 0,
    pre_payment_credit_notes_amount: 0,
    receipt_number: null,
    rendering: null,
    shipping_cost: null,
    shipping_details: null,
    starting_balance: 0,
    statement_descriptor: null,
    status: "draft",
    status_transitions: { finalized_at: null, marked_uncollectible_at: null, paid_at: null, voided_at: null },
    subtotal: total,
    subtotal_excluding_tax: total,
    test_clock: customer.test_clock ?? null,
    total,
    total_discount_amounts: [],
    total_excluding_tax: total,
    total_pretax_credit_amounts: [],
    total_taxes: [],
    webhooks_delivered_at: null,
  };
  return invoice;
}

/**
 * draft → open: applies the customer's credit balance, numbers the invoice, gives it its hosted
 * page and (when something is due) the PaymentIntent that will pay it. An invoice with nothing
 * due is paid on the spot, as Stripe does.
 */
export function finalizeInvoice(account: Account, invoice: Stripe.Invoice, now: number): Stripe.Invoice {
  const customer = account.require<Stripe.Customer>(invoice.customer as string, "customer", "customer");
  const balance = customer.balance;
  const due = invoice.total + balance;
  invoice.starting_balance = balance;
  invoice.ending_balance = due < 0 ? due : 0;
  customer.balance = invoice.ending_balance;
  invoice.amount_due = Math.max(0, due);
  invoice.amount_remaining = invoice.amount_due;
  invoice.status = "open";
  invoice.number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence ?? 1).padStart(4, "0")}`;
  customer.next_invoice_sequence = (customer.next_invoice_sequence ?? 1) + 1;
  invoice.hosted_invoice_url = `${emulatorConfig.publicUrl}/i/${invoice.id}`;
  invoice.status_transitions.finalized_at = now;
  invoice.effective_at = now;
  invoice.automatically_finalizes_at = null;

  if (invoice.amount_due > 0) {
    const pi = createInvoicePaymentIntent(account, invoice, now);
    const payment: Stripe.InvoicePayment = {
      id: newId("inpay"),
      object: "invoice_payment",
      amount_paid: null,
      amount_requested: invoice.amount_due,
      created: now,
      currency: invoice.currency,
      invoice: invoice.id,
      is_default: true,
      livemode: account.livemode,
      payment: { type: "payment_intent", payment_intent: pi.id },
      status: "open",
      status_transitions: { canceled_at: null, paid_at: null },
    };
    account.insert(payment);
    Object.assign(invoiceInternals(account, invoice.id), { paymentIntentId: pi.id, invoicePaymentId: payment.id });
  }
  emitEvent(account, "invoice.finalized", invoice, null, { created: now });
  if (invoice.amount_due === 0) markInvoicePaid(account, invoice, now);
  return invoice;
}

export function markInvoicePaid(account: Account, invoice: Stripe.Invoice, now: number): void {
  if (invoice.status === "paid") return;
  invoice.status = "paid";
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  invoice.attempted = true;
  invoice.next_payment_attempt = null;
  invoice.status_transitions.paid_at = now;
  const paymentId = invoiceInternals(account, invoice.id).invoicePaymentId;
  const payment = paymentId ? account.get<Stripe.InvoicePayment>(paymentId, "invoice_payment") : undefined;
  if (payment) {
    payment.status = "paid";
    payment.amount_paid = payment.amount_requested;
    payment.status_transitions.paid_at = now;
  }
  emitEvent(account, "invoice.paid", invoice, null, { created: now });
  emitEvent(account, "invoice.payment_succeeded", invoice, null, { created: now });
  for (const listener of paidListeners) listener(account, invoice, now);
}

/** The payment method Stripe would charge: the explicit one, the subscription's, the customer's default. */
export function defaultPaymentMethodFor(account: Account, invoice: Stripe.Invoice): string | null {
  const subId = subscriptionIdOf(invoice);
  const sub = subId ? account.get<Stripe.Subscription>(subId, "subscription") : undefined;
  const fromSub = sub?.default_payment_method;
  if (fromSub) return typeof fromSub === "string" ? fromSub : fromSub.id;
  const customer = account.get<Stripe.Customer>(invoice.customer as string, "customer");
  const fromCustomer = customer?.invoice_settings?.default_payment_method;
  if (fromCustomer) return typeof fromCustomer === "string" ? fromCustomer : fromCustomer.id;
  return null;
}

/**
 * One payment attempt on an open invoice. Success pays it (invoice.paid); a decline emits
 * invoice.payment_failed; a card that needs 3-D Secure leaves the PaymentIntent in
 * requires_action and emits invoice.payment_failed plus invoice.payment_action_required.
 */
export function attemptInvoicePayment(
  account: Account,
  invoice: Stripe.Invoice,
  opts: { paymentMethod?: string | null; offSession: boolean; now: number; returnUrl?: string | null },
): ChargeOutcome {
  const piId = invoiceInternals(account, invoice.id).paymentIntentId;
  if (!piId) throw new Error(`Invoice ${invoice.id} has no PaymentIntent to charge`);
  invoice.attempted = true;
  invoice.attempt_count += 1;
  const outcome = chargeInvoicePayment(account, piId, opts.paymentMethod ?? defaultPaymentMethodFor(account, invoice), {
    offSession: opts.offSession,
    now: opts.now,
    returnUrl: opts.returnUrl,
  });
  if (outcome.status === "succeeded") {
    markInvoicePaid(account, invoice, opts.now);
  } else if (outcome.status === "processing") {
    // A SEPA debit: the invoice stays open until the debit settles (paid, or payment_failed).
  } else {
    recordFailedAttempt(account, invoice, outcome, opts.now);
  }
  return outcome;
}

export function recordFailedAttempt(account: Account, invoice: Stripe.Invoice, outcome: ChargeOutcome, now: number): void {
  emitEvent(account, "invoice.payment_failed", invoice, null, { created: now });
  if (outcome.status === "requires_action") emitEvent(account, "invoice.payment_action_required", invoice, null, { created: now });
  for (const listener of failedListeners) listener(account, invoice, outcome, now);
}

/** open → void: its PaymentIntent is cancelled and nothing more can be paid on it. */
export function voidInvoice(account: Account, invoice: Stripe.Invoice, now: number): void {
  const piId = invoiceInternals(account, invoice.id).paymentIntentId;
  const pi = piId ? account.get<Stripe.PaymentIntent>(piId, "payment_intent") : undefined;
  if (pi && pi.status !== "succeeded" && pi.status !== "canceled") cancelPaymentIntent(account, pi, "automatic");
  invoice.status = "void";
  invoice.amount_remaining = 0;
  invoice.status_transitions.voided_at = now;
  emitEvent(account, "invoice.voided", invoice, null, { created: now });
}

/** The open invoice a PaymentIntent pays, if any (hosted pages and Stripe.js confirm those PIs). */
export function invoiceForPaymentIntent(account: Account, paymentIntentId: string): Stripe.Invoice | undefined {
  const payment = account
    .list<Stripe.InvoicePayment>("invoice_payment")
    .find((p) => p.payment.payment_intent === paymentIntentId);
  const invoiceId = payment ? (typeof payment.invoice === "string" ? payment.invoice : payment.invoice.id) : undefined;
  return invoiceId ? account.get<Stripe.Invoice>(invoiceId, "invoice") : undefined;
}

export function paymentsOf(account: Account, invoiceId: string): Stripe.InvoicePayment[] {
  return account.list<Stripe.InvoicePayment>("invoice_payment", (p) => p.invoice === invoiceId);
}
