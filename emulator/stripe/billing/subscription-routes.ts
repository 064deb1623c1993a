import type Stripe from "stripe";
import { invalidParam } from "../errors";
import { paginate, rangeFilter } from "../list";
import type { Params } from "../params";
import { route } from "../route";
import { pauseCollectionParam } from "./pause";
import { billingNow } from "./time";
import { cancelSubscriptionNow, changeSubscription, createSubscription, type PaymentBehavior, type ProrationBehavior } from "./subscriptions";

const PAYMENT_BEHAVIORS = ["allow_incomplete", "default_incomplete", "error_if_incomplete", "pending_if_incomplete"] as const;
const PRORATION_BEHAVIORS = ["create_prorations", "always_invoice", "none"] as const;

function quantity(item: Params): number | undefined {
  const q = item.integer("quantity");
  if (q !== undefined && q < 1) throw invalidParam("quantity", "This value must be greater than or equal to 1.");
  return q;
}

function paymentBehavior(params: Params): PaymentBehavior | undefined {
  return params.enumOf("payment_behavior", PAYMENT_BEHAVIORS);
}

export const subscriptionRoutes = [
  route("POST", "/v1/subscriptions", ({ account, params }) =>
    createSubscription(account, {
      customer: params.requiredString("customer"),
      items: params.list("items").map((item) => ({
        price: item.requiredString("price"),
        quantity: quantity(item) ?? 1,
        metadata: item.metadata("metadata"),
      })),
      defaultPaymentMethod: params.string("default_payment_method"),
      paymentBehavior: paymentBehavior(params),
      metadata: params.metadata("metadata"),
      description: params.string("description"),
      cancelAtPeriodEnd: params.boolean("cancel_at_period_end"),
      trialPeriodDays: params.integer("trial_period_days"),
      // `now` ends a trial at once, which on a new subscription means none.
      trialEnd: params.string("trial_end") === "now" ? undefined : params.integer("trial_end"),
      offSession: params.boolean("off_session"),
      addInvoiceItems: params.list("add_invoice_items").map((item) => {
        const data = item.object("price_data");
        return {
          price: item.string("price"),
          priceData: data ? { currency: data.requiredString("currency"), product: data.requiredString("product"), unitAmount: data.requiredInteger("unit_amount") } : undefined,
          quantity: quantity(item),
          metadata: item.metadata("metadata"),
        };
      }),
    }),
  ),
  route("GET", "/v1/subscriptions/:id", ({ account, path }) => {
    const sub = account.get<Stripe.Subscription>(path.id, "subscription");
    return sub ?? account.require(path.id, "subscription", "subscription");
  }),
  route("POST", "/v1/subscriptions/:id", ({ account, params, path }) => {
    const sub = account.require<Stripe.Subscription>(path.id, "subscription", "subscription");
    return changeSubscription(account, sub, {
      items: params.list("items").map((item) => ({
        id: item.requiredString("id"),
        price: item.string("price"),
        quantity: quantity(item),
      })),
      prorationBehavior: params.enumOf("proration_behavior", PRORATION_BEHAVIORS) as ProrationBehavior | undefined,
      prorationDate: params.integer("proration_date"),
      cancelAtPeriodEnd: params.boolean("cancel_at_period_end"),
      defaultPaymentMethod: params.has("default_payment_method") ? (params.nullableString("default_payment_method") ?? null) : undefined,
      metadata: params.metadata("metadata", sub.metadata),
      description: params.has("description") ? (params.nullableString("description") ?? null) : undefined,
      paymentBehavior: paymentBehavior(params),
      offSession: params.boolean("off_session"),
      pauseCollection: pauseCollectionParam(params, billingNow(account, sub.customer as string)),
    });
  }),
  route("DELETE", "/v1/subscriptions/:id", ({ account, path }) => {
    const sub = account.require<Stripe.Subscription>(path.id, "subscription", "subscription");
    return cancelSubscriptionNow(account, sub);
  }),
  route("GET", "/v1/subscriptions", ({ account, params }) => {
    const customer = params.string("customer");
    const price = params.string("price");
    // Without `status`, Stripe lists every subscription that has not been canceled.
    const status = params.string("status");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Subscription>(
      "subscription",
      (s) =>
        (!customer || s.customer === customer) &&
        (!price || s.items.data.some((i) => i.price.id === price)) &&
        (status === "all" ||
          (status === "ended" ? s.status === "canceled" || s.status === "incomplete_expired" : status ? s.status === status : s.status !== "canceled")) &&
        created(s.created),
    );
    return paginate(params, items, "/v1/subscriptions");
  }),
];
