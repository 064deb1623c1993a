import type Stripe from "stripe";
import { paginate, rangeFilter } from "../list";
import { route } from "../route";

export const eventRoutes = [
  route("GET", "/v1/events/:id", ({ account, path }) => account.require<Stripe.Event>(path.id, "event", "event")),
  route("GET", "/v1/events", ({ account, params }) => {
    const type = params.string("type");
    const types = params.strings("types");
    const created = rangeFilter(params, "created");
    // `type` accepts a trailing wildcard, as Stripe does: `customer.*`.
    const matchesType = (t: string) =>
      (!type || (type.endsWith(".*") ? t.startsWith(type.slice(0, -1)) : t === type)) && (types.length === 0 || types.includes(t));
    const items = account.list<Stripe.Event>("event", (e) => matchesType(e.type) && created(e.created));
    return paginate(params, items, "/v1/events");
  }),
];
