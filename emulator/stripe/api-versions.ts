import Stripe from "stripe";
import type { Account, StripeObject } from "./accounts";
import { apiVersions } from "./stripe-types";

/**
 * Objects are kept in the pinned version (Stripe.API_VERSION); events are rendered in an older
 * version for accounts whose default API version is older, and for webhook endpoints created with
 * an `api_version` (https://docs.stripe.com/webhooks/versioning). Only the changes that touch
 * what the app reads are rendered; a version newer than the oldest change below looks pinned.
 */

// 2025-03-31.basil moved invoice references under `parent` and invoice payments to `payments`:
// https://docs.stripe.com/changelog/basil/2025-03-31/adds-new-parent-field-to-invoicing-objects
// https://docs.stripe.com/changelog/basil/2025-03-31/add-support-for-multiple-partial-payments-on-invoices
// and the billing period from the subscription to its items:
// https://docs.stripe.com/changelog/basil/2025-03-31/deprecate-subscription-current-period-start-and-end
const BASIL = "2025-03-31";

const dateOf = (version: string) => version.slice(0, 10);

export function isKnownApiVersion(version: string): boolean {
  return apiVersions().includes(version);
}

/** True when `version` predates the change introduced by `since` (a YYYY-MM-DD date). */
function before(version: string, since: string): boolean {
  return dateOf(version) < since;
}

type Json = Record<string, unknown>;

function idOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  return value && typeof value === "object" && "id" in value ? String((value as { id: unknown }).id) : null;
}

/** The default InvoicePayment of an invoice: the PaymentIntent that pays it. */
function defaultPaymentOf(account: Account, invoiceId: string): Stripe.InvoicePayment | undefined {
  const payments = account.list<Stripe.InvoicePayment>("invoice_payment", (p) => idOf(p.invoice) === invoiceId);
  return payments.find((p) => p.is_default) ?? payments[0];
}

function invoiceOfPaymentIntent(account: Account, paymentIntentId: string): string | null {
  const payment = account.list<Stripe.InvoicePayment>("invoice_payment", (p) => p.payment.payment_intent === paymentIntentId)[0];
  return payment ? idOf(payment.invoice) : null;
}

function preBasilInvoice(account: Account, invoice: Json): Json {
  const parent = invoice.parent as Stripe.Invoice.Parent | null;
  const details = parent?.subscription_details ?? null;
  const payment = defaultPaymentOf(account, String(invoice.id));
  const piId = idOf(payment?.payment.payment_intent);
  const pi = piId ? account.get<Stripe.PaymentIntent>(piId, "payment_intent") : undefined;
  const { parent: _parent, ...rest } = invoice;
  const lines = invoice.lines as { data: Json[] } | undefined;
  return {
    ...rest,
    subscription: details ? idOf(details.subscription) : null,
    subscription_details: details ? { metadata: details.metadata } : null,
    quote: null,
    payment_intent: piId,
    charge: pi?.status === "succeeded" ? idOf(pi.latest_charge) : null,
    paid: invoice.status === "paid",
    paid_out_of_band: false,
    ...(lines ? { lines: { ...lines, data: lines.data.map(preBasilLine) } } : {}),
  };
}

function preBasilLine(line: Json): Json {
  const { parent, ...rest } = line as Json & { parent?: Stripe.InvoiceLineItem.Parent | null };
  const item = parent?.subscription_item_details;
  return {
    ...rest,
    type: item?.invoice_item ? "invoiceitem" : "subscription",
    subscription: item?.subscription ?? null,
    subscription_item: item?.subscription_item ?? null,
    invoice_item: item?.invoice_item ?? null,
    proration: item?.proration ?? false,
    proration_details: item?.proration_details ?? { credited_items: null },
  };
}

function preBasilSubscription(subscription: Json): Json {
  const first = (subscription.items as { data: Stripe.SubscriptionItem[] } | undefined)?.data[0];
  return { ...subscription, current_period_start: first?.current_period_start ?? null, current_period_end: first?.current_period_end ?? null };
}

/** `object` (a stored object in the pinned version) as an API response of `version` shows it. */
export function renderInVersion(account: Account, object: StripeObject, version: string): StripeObject {
  if (version === Stripe.API_VERSION || !before(version, BASIL)) return object;
  const json = object as unknown as Json;
  switch (object.object) {
    case "invoice":
      return preBasilInvoice(account, json) as unknown as StripeObject;
    case "subscription":
      return preBasilSubscription(json) as unknown as StripeObject;
    case "payment_intent":
      return { ...json, invoice: invoiceOfPaymentIntent(account, object.id) } as unknown as StripeObject;
    case "charge":
      return { ...json, invoice: json.payment_intent ? invoiceOfPaymentIntent(account, String(json.payment_intent)) : null } as unknown as StripeObject;
    default:
      return object;
  }
}

/** The snapshot an event was made from, in the pinned version, for endpoints with their own api_version. */
interface EventInternals extends Record<string, unknown> {
  pinned?: StripeObject;
}

export function rememberPinnedSnapshot(account: Account, eventId: string, object: StripeObject): void {
  account.internal<EventInternals>(eventId).pinned = object;
}

/** The event as an endpoint created with `api_version` receives it: rendered in that version. */
export function eventForVersion(account: Account, event: Stripe.Event, version: string | null): Stripe.Event {
  const pinned = account.internal<EventInternals>(event.id).pinned;
  if (!version || version === event.api_version || !pinned) return event;
  return { ...event, api_version: version, data: { ...event.data, object: renderInVersion(account, structuredClone(pinned), version) } } as Stripe.Event;
}
