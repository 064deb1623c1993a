import type Stripe from "stripe";
import { registerVirtualExpansion } from "../expand";
import { embeddedList, paginate, rangeFilter } from "../list";
import { route } from "../route";

// A charge's refunds are no longer embedded by default; `expand[]=refunds` lists them.
registerVirtualExpansion("charge", "refunds", (account, charge) =>
  embeddedList(
    account.list<Stripe.Refund>("refund", (r) => r.charge === charge.id),
    `/v1/charges/${String(charge.id)}/refunds`,
  ),
);

export const chargeRoutes = [
  route("GET", "/v1/charges/:id", ({ account, path }) => account.require<Stripe.Charge>(path.id, "charge", "charge")),
  route("POST", "/v1/charges/:id", ({ account, params, path }) => {
    const charge = account.require<Stripe.Charge>(path.id, "charge", "charge");
    const metadata = params.metadata("metadata", charge.metadata);
    if (metadata) charge.metadata = metadata;
    if (params.has("description")) charge.description = params.nullableString("description") ?? null;
    return charge;
  }),
  route("GET", "/v1/charges", ({ account, params }) => {
    const customer = params.string("customer");
    const paymentIntent = params.string("payment_intent");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Charge>(
      "charge",
      (c) => (!customer || c.customer === customer) && (!paymentIntent || c.payment_intent === paymentIntent) && created(c.created),
    );
    return paginate(params, items, "/v1/charges");
  }),
];
