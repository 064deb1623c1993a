import type Stripe from "stripe";
import type { Account } from "../accounts";
import { cardError, invalidRequest, unexpectedState } from "../errors";
import { registerVirtualExpansion } from "../expand";
import { embeddedList, paginate, rangeFilter } from "../list";
import { route } from "../route";
import { attemptInvoicePayment, finalizeInvoice, invoiceInternals, paymentsOf, subscriptionIdOf } from "./invoices";
import { createInvoiceItem, deleteInvoiceItem } from "./invoice-items";
import { previewSubscriptionInvoice } from "./preview";
import { billingNow } from "./time";

// `payments` and `confirmation_secret` are "includable": only present when expanded. Copies,
// because deeper expansions (`payments.data.payment.payment_intent`) write into what is returned.
registerVirtualExpansion("invoice", "payments", (account, invoice) =>
  embeddedList(structuredClone(paymentsOf(account, invoice.id as string)), `/v1/invoice_payments?invoice=${String(invoice.id)}`),
);
registerVirtualExpansion("invoice", "confirmation_secret", (account, invoice) => {
  const piId = invoiceInternals(account, invoice.id as string).paymentIntentId;
  const pi = piId ? account.get<Stripe.PaymentIntent>(piId, "payment_intent") : undefined;
  return pi?.client_secret ? { client_secret: pi.client_secret, type: "payment_intent" } : null;
});

function requireInvoice(account: Account, id: string): Stripe.Invoice {
  return account.require<Stripe.Invoice>(id, "invoice", "invoice");
}

const PRORATION_BEHAVIORS = ["create_prorations", "always_invoice", "none"] as const;

export const invoiceRoutes = [
  route("POST", "/v1/invoices/create_preview", ({ account, params }) => {
    const details = params.object("subscription_details");
    return previewSubscriptionInvoice(account, {
      customer: params.string("customer"),
      subscription: params.string("subscription"),
      items: (details?.list("items") ?? []).map((item) => ({ id: item.requiredString("id"), price: item.string("price"), quantity: item.integer("quantity") })),
      prorationBehavior: details?.enumOf("proration_behavior", PRORATION_BEHAVIORS),
      prorationDate: details?.integer("proration_date"),
    });
  }),
  route("GET", "/v1/invoices/:id", ({ account, path }) => requireInvoice(account, path.id)),
  route("GET", "/v1/invoices", ({ account, params }) => {
    const customer = params.string("customer");
    const subscription = params.string("subscription");
    const status = params.string("status");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Invoice>(
      "invoice",
      (i) =>
        (!customer || i.customer === customer) &&
        (!subscription || subscriptionIdOf(i) === subscription) &&
        (!status || i.status === status) &&
        created(i.created),
    );
    return paginate(params, items, "/v1/invoices");
  }),
  route("GET", "/v1/invoices/:id/lines", ({ account, params, path }) => {
    const invoice = requireInvoice(account, path.id);
    return paginate(params, invoice.lines.data, `/v1/invoices/${invoice.id}/lines`);
  }),
  route("POST", "/v1/invoices/:id/finalize", ({ account, path }) => {
    const invoice = requireInvoice(account, path.id);
    if (invoice.status !== "draft") {
      throw unexpectedState(`This invoice is already finalized, you can't re-finalize a non-draft invoice.`, "invoice_not_editable");
    }
    return finalizeInvoice(account, invoice, billingNow(account, invoice.customer as string));
  }),
  /**
   * Pays an open invoice now, off-session by default as in Stripe. A decline answers 402 with the
   * card error; a card needing authentication answers invoice_payment_intent_requires_action.
   */
  route("POST", "/v1/invoices/:id/pay", ({ account, params, path }) => {
    const invoice = requireInvoice(account, path.id);
    const now = billingNow(account, invoice.customer as string);
    if (invoice.status === "draft") finalizeInvoice(account, invoice, now);
    if (invoice.status === "paid") throw invalidRequest("Invoice is already paid", undefined, "invoice_already_paid");
    if (invoice.status !== "open") throw unexpectedState(`You cannot pay an invoice with status ${invoice.status}.`, "invoice_not_open");
    const paymentMethod = params.string("payment_method");
    if (paymentMethod) account.require<Stripe.PaymentMethod>(paymentMethod, "payment_method", "PaymentMethod", "payment_method");
    const outcome = attemptInvoicePayment(account, invoice, { paymentMethod, offSession: params.boolean("off_session") ?? true, now });
    if (outcome.status === "requires_action") {
      throw cardError({
        code: "invoice_payment_intent_requires_action",
        message: "This payment requires additional user action before it can be completed successfully. Payment can be completed using the PaymentIntent associated with the invoice.",
        payment_intent: structuredClone(outcome.paymentIntent),
      });
    }
    if (outcome.status === "failed") {
      const e = outcome.paymentIntent.last_payment_error;
      if (!e) throw invalidRequest("The invoice has no payment method to charge: attach one to the customer or pass payment_method.", "payment_method");
      throw cardError({
        code: e.code ?? "card_declined",
        decline_code: e.decline_code,
        message: e.message ?? "Your card was declined.",
        charge: e.charge,
        payment_intent: structuredClone(outcome.paymentIntent),
      });
    }
    return invoice;
  }),
  route("GET", "/v1/invoice_payments/:id", ({ account, path }) =>
    account.require<Stripe.InvoicePayment>(path.id, "invoice_payment", "invoice_payment"),
  ),
  route("GET", "/v1/invoice_payments", ({ account, params }) => {
    const invoice = params.string("invoice");
    // `payment[type]` + `payment[payment_intent]`: the invoice a PaymentIntent paid
    // (https://docs.stripe.com/api/invoice-payment/list).
    const payment = params.object("payment");
    const paymentType = payment?.enumOf("type", ["payment_intent", "payment_record"] as const);
    const paymentIntent = payment?.string("payment_intent");
    const items = account.list<Stripe.InvoicePayment>(
      "invoice_payment",
      (p) => (!invoice || p.invoice === invoice) && (!paymentType || p.payment.type === paymentType) && (!paymentIntent || p.payment.payment_intent === paymentIntent),
    );
    return paginate(params, items, "/v1/invoice_payments");
  }),
  route("GET", "/v1/invoiceitems", ({ account, params }) => {
    const customer = params.string("customer");
    const invoice = params.string("invoice");
    const pending = params.boolean("pending");
    const items = account.list<Stripe.InvoiceItem>(
      "invoiceitem",
      (ii) =>
        (!customer || ii.customer === customer) &&
        (!invoice || ii.invoice === invoice) &&
        (pending === undefined || (ii.invoice === null) === pending),
    );
    return paginate(params, items, "/v1/invoiceitems");
  }),
  route("GET", "/v1/invoiceitems/:id", ({ account, path }) => account.require<Stripe.InvoiceItem>(path.id, "invoiceitem", "invoiceitem")),
  route("POST", "/v1/invoiceitems", ({ account, params }) => {
    const priceData = params.object("price_data");
    return createInvoiceItem(account, {
      customer: params.requiredString("customer"),
      subscription: params.string("subscription"),
      amount: params.integer("amount"),
      currency: params.string("currency"),
      price: params.object("pricing")?.string("price"),
      priceData: priceData
        ? { currency: priceData.requiredString("currency"), product: priceData.requiredString("product"), unitAmount: priceData.requiredInteger("unit_amount") }
        : undefined,
      quantity: params.integer("quantity"),
      description: params.string("description"),
      metadata: params.metadata("metadata"),
      invoice: params.string("invoice"),
    });
  }),
  route("DELETE", "/v1/invoiceitems/:id", ({ account, path }) => deleteInvoiceItem(account, path.id)),
];
