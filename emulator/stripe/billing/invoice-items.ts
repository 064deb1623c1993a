import type Stripe from "stripe";
import type { Account } from "../accounts";
import { normalizeCurrency } from "../currency";
import { invalidParam, invalidRequest } from "../errors";
import { emitEvent } from "../events";
import { newId } from "../ids";
import { billingNow } from "./time";

/**
 * One-off invoice items (POST /v1/invoiceitems): an amount, or a one-time price (`pricing[price]`,
 * `price_data`), pending on a customer until the next invoice takes it. With `subscription` only that
 * subscription's next invoice takes it: its renewal, or the first invoice after its trial
 * (https://docs.stripe.com/billing/invoices/subscription#adding-upcoming-invoice-items).
 * Invoice items on one-off invoices (`invoice`) are not emulated.
 */
export interface InvoiceItemInit {
  customer: string;
  subscription?: string;
  amount?: number;
  currency?: string;
  price?: string;
  priceData?: { currency: string; product: string; unitAmount: number };
  quantity?: number;
  description?: string;
  metadata?: Record<string, string>;
  invoice?: string;
}

const LIVE = new Set<Stripe.Subscription.Status>(["active", "past_due", "trialing", "incomplete", "unpaid"]);

function oneTimePrice(account: Account, id: string, param: string): Stripe.Price {
  const price = account.require<Stripe.Price>(id, "price", "price", param);
  if (price.type !== "one_time") throw invalidParam(param, `The price specified (${id}) is a recurring price; invoice items take one-time prices only.`);
  if (!price.active) throw invalidParam(param, `The price specified (${id}) is inactive. This field only accepts active prices.`);
  return price;
}

export function createInvoiceItem(account: Account, init: InvoiceItemInit): Stripe.InvoiceItem {
  const customer = account.require<Stripe.Customer>(init.customer, "customer", "customer", "customer");
  if (init.invoice) {
    throw invalidParam("invoice", "The emulator adds invoice items to the next invoice only: one-off invoices are not emulated.", "parameter_unsupported");
  }
  const ways = [init.amount !== undefined, !!init.price, !!init.priceData].filter(Boolean).length;
  if (ways === 0) throw invalidRequest("You must specify either `amount`, `pricing[price]` or `price_data` to create an invoice item.", "amount", "parameter_missing");
  if (ways > 1) throw invalidRequest("You may only specify one of these parameters: amount, pricing[price], price_data.", "amount");
  const sub = init.subscription ? account.require<Stripe.Subscription>(init.subscription, "subscription", "subscription", "subscription") : null;
  if (sub && sub.customer !== customer.id) {
    throw invalidParam("subscription", `The subscription ${sub.id} does not belong to the customer ${customer.id}.`);
  }
  if (sub && !LIVE.has(sub.status)) throw invalidParam("subscription", `The subscription ${sub.id} has ended (status ${sub.status}); it has no next invoice.`);

  const price = init.price ? oneTimePrice(account, init.price, "pricing[price]") : null;
  if (init.priceData) account.require<Stripe.Product>(init.priceData.product, "product", "product", "price_data[product]");
  const quantity = init.quantity ?? 1;
  if (quantity < 1) throw invalidParam("quantity", "This value must be greater than or equal to 1.");
  const currency = price?.currency ?? (init.priceData ? normalizeCurrency(init.priceData.currency, "price_data[currency]") : init.currency ? normalizeCurrency(init.currency) : (customer.currency ?? null));
  if (!currency) throw invalidRequest("Missing required param: currency.", "currency", "parameter_missing");
  if (init.currency && normalizeCurrency(init.currency) !== currency) throw invalidParam("currency", `The currency ${init.currency} does not match the price's currency ${currency}.`);
  const expected = sub?.currency ?? customer.currency;
  if (expected && currency !== expected) {
    throw invalidParam("currency", `The currency of the invoice item (${currency}) must match the currency of the ${sub ? "subscription" : "customer"} (${expected}).`);
  }
  const unitAmount = price?.unit_amount ?? init.priceData?.unitAmount ?? null;
  const amount = unitAmount !== null ? unitAmount * quantity : init.amount!;
  const now = billingNow(account, customer.id);
  const productId = price ? (typeof price.product === "string" ? price.product : price.product.id) : (init.priceData?.product ?? null);
  const item: Stripe.InvoiceItem = {
    id: newId("ii"),
    object: "invoiceitem",
    amount,
    currency,
    customer: customer.id,
    customer_account: null,
    date: now,
    description: init.description ?? (productId ? (account.get<Stripe.Product>(productId, "product")?.name ?? null) : null),
    discountable: true,
    discounts: [],
    invoice: null,
    livemode: account.livemode,
    metadata: init.metadata ?? {},
    parent: sub ? { type: "subscription_details", subscription_details: { subscription: sub.id, subscription_item: undefined } } : null,
    period: { start: now, end: now },
    // A price's item names it; price_data and a bare amount have none to name (pricing null, our simplification).
    pricing: price ? { type: "price_details", price_details: { price: price.id, product: productId! }, unit_amount_decimal: price.unit_amount_decimal } : null,
    proration: false,
    proration_details: { credited_items: null, discount_amounts: [] },
    quantity: unitAmount !== null ? quantity : 1,
    quantity_decimal: String(unitAmount !== null ? quantity : 1) as unknown as Stripe.Decimal,
    tax_rates: [],
    test_clock: customer.test_clock ? (typeof customer.test_clock === "string" ? customer.test_clock : customer.test_clock.id) : null,
  };
  account.insert(item);
  emitEvent(account, "invoiceitem.created", item, null, { created: now });
  return item;
}

/**
 * DELETE /v1/invoiceitems/:id: a pending item, or one on a draft invoice, goes; one on a finalized
 * invoice was charged (or is being) and stays (https://docs.stripe.com/api/invoiceitems/delete:
 * "only possible when they're not attached to invoices, or if it's attached to a draft invoice").
 */
export function deleteInvoiceItem(account: Account, id: string): Stripe.DeletedInvoiceItem {
  const item = account.require<Stripe.InvoiceItem>(id, "invoiceitem", "invoiceitem");
  const invoiceId = typeof item.invoice === "string" ? item.invoice : (item.invoice?.id ?? null);
  const invoice = invoiceId ? account.get<Stripe.Invoice>(invoiceId, "invoice") : undefined;
  if (invoice && invoice.status !== "draft") {
    throw invalidRequest(`The invoice item ${id} is on invoice ${invoice.id}, which is no longer a draft (status ${invoice.status}); it cannot be deleted.`, undefined, "invoice_not_editable");
  }
  if (invoice) {
    const line = invoice.lines.data.findIndex((l) => l.parent?.invoice_item_details?.invoice_item === id || l.parent?.subscription_item_details?.invoice_item === id);
    if (line >= 0) {
      const [removed] = invoice.lines.data.splice(line, 1);
      for (const key of ["subtotal", "subtotal_excluding_tax", "total", "total_excluding_tax"] as const) invoice[key] -= removed.amount;
      invoice.amount_due = Math.max(0, invoice.total);
      invoice.amount_remaining = invoice.amount_due;
    }
  }
  account.remove(id);
  const deleted: Stripe.DeletedInvoiceItem = { id, object: "invoiceitem", deleted: true };
  emitEvent(account, "invoiceitem.deleted", { ...item }, null, { created: billingNow(account, item.customer as string) });
  return deleted;
}
