import type Stripe from "stripe";
import type { Account } from "../accounts";
import { invalidParam } from "../errors";
import { emitEvent, previousAttributes } from "../events";
import { newId, nowSeconds } from "../ids";
import { paginate, rangeFilter } from "../list";
import type { Params } from "../params";
import { route } from "../route";
import { attachPaymentMethod, resolvePaymentMethod } from "./payment-methods";

export interface CustomerInit {
  email?: string | null;
  name?: string | null;
  phone?: string | null;
  description?: string | null;
  metadata?: Record<string, string>;
  testClock?: string | null;
}

/** Also used by Checkout when it creates a customer on completion. */
export function createCustomer(account: Account, init: CustomerInit, configure?: (c: Stripe.Customer) => void): Stripe.Customer {
  const clock = init.testClock ? account.get<{ id: string; object: string; frozen_time: number }>(init.testClock, "test_helpers.test_clock") : undefined;
  const customer: Stripe.Customer = {
    id: newId("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: clock?.frozen_time ?? nowSeconds(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: init.description ?? null,
    discount: null,
    email: init.email ?? null,
    invoice_prefix: newId("x").slice(2, 10).toUpperCase(),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: account.livemode,
    metadata: init.metadata ?? {},
    name: init.name ?? null,
    next_invoice_sequence: 1,
    phone: init.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: init.testClock ?? null,
  };
  configure?.(customer);
  account.insert(customer);
  emitEvent(account, "customer.created", customer);
  return customer;
}

function applyUpdate(account: Account, customer: Stripe.Customer, params: Params, opts: { skipInvoiceSettings?: boolean } = {}): void {
  for (const field of ["email", "name", "phone", "description"] as const) {
    if (params.has(field)) customer[field] = params.nullableString(field) ?? null;
  }
  const metadata = params.metadata("metadata", customer.metadata);
  if (metadata) customer.metadata = metadata;
  const locales = params.get("preferred_locales");
  if (locales !== undefined) customer.preferred_locales = params.strings("preferred_locales");
  const address = params.object("address");
  if (address) {
    customer.address = {
      city: address.string("city") ?? null,
      country: address.string("country") ?? null,
      line1: address.string("line1") ?? null,
      line2: address.string("line2") ?? null,
      postal_code: address.string("postal_code") ?? null,
      state: address.string("state") ?? null,
    };
  } else if (params.get("address") === "") {
    customer.address = null;
  }
  const settings = opts.skipInvoiceSettings ? undefined : params.object("invoice_settings");
  if (settings?.has("default_payment_method")) {
    const pmId = settings.nullableString("default_payment_method") ?? null;
    if (pmId) {
      const pm = account.get<Stripe.PaymentMethod>(pmId, "payment_method");
      if (!pm || pm.customer !== customer.id) {
        throw invalidParam(
          "invoice_settings[default_payment_method]",
          `The customer does not have a payment method with the ID ${pmId}. The payment method must be attached to the customer.`,
          "resource_missing",
        );
      }
    }
    customer.invoice_settings = { ...customer.invoice_settings, default_payment_method: pmId };
  }
}

export const customerRoutes = [
  route("POST", "/v1/customers", ({ account, params }) => {
    const testClock = params.string("test_clock");
    if (testClock) account.require(testClock, "test_helpers.test_clock", "test clock", "test_clock");
    const pmId = params.string("payment_method");
    const pm = pmId ? resolvePaymentMethod(account, pmId) : undefined;
    const customer = createCustomer(account, { testClock }, (c) => applyUpdate(account, c, params, { skipInvoiceSettings: true }));
    if (pm) attachPaymentMethod(account, pm, customer.id);
    const before = structuredClone(customer);
    applyUpdate(account, customer, params);
    const prev = previousAttributes(before, customer);
    if (prev) emitEvent(account, "customer.updated", customer, prev);
    return customer;
  }),
  route("GET", "/v1/customers/:id", ({ account, path }) => {
    const customer = account.get<Stripe.Customer>(path.id, "customer");
    if (!customer) return account.require(path.id, "customer", "customer");
    return customer;
  }),
  route("POST", "/v1/customers/:id", ({ account, params, path }) => {
    const customer = account.require<Stripe.Customer>(path.id, "customer", "customer");
    const before = structuredClone(customer);
    applyUpdate(account, customer, params);
    const prev = previousAttributes(before, customer);
    if (prev) emitEvent(account, "customer.updated", customer, prev);
    return customer;
  }),
  route("DELETE", "/v1/customers/:id", ({ account, path }) => {
    const customer = account.require<Stripe.Customer>(path.id, "customer", "customer");
    emitEvent(account, "customer.deleted", customer);
    const deleted: Stripe.DeletedCustomer = { id: customer.id, object: "customer", deleted: true };
    // Stripe keeps answering retrieve with the deleted stub.
    account.insert(deleted);
    return deleted;
  }),
  route("GET", "/v1/customers", ({ account, params }) => {
    const email = params.string("email");
    const testClock = params.string("test_clock");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Customer>(
      "customer",
      (c) => (!email || c.email === email) && (!testClock || c.test_clock === testClock) && created(c.created),
    );
    return paginate(params, items, "/v1/customers");
  }),
];
