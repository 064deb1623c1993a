import type Stripe from "stripe";
import type { Account } from "../accounts";
import { normalizeCurrency } from "../currency";
import { invalidParam, invalidRequest, missingParam } from "../errors";
import { emitEvent, previousAttributes } from "../events";
import { newId, nowSeconds } from "../ids";
import { paginate, rangeFilter } from "../list";
import type { Params } from "../params";
import { route } from "../route";

const INTERVALS = ["day", "week", "month", "year"] as const;

/**
 * A product from `products.create` params, a price's `product_data` or a Checkout line item's
 * `price_data[product_data]`; each defines a different subset of fields, so only those are read.
 */
export function createProduct(account: Account, params: Params, opts: { id?: string; active?: boolean } = {}): Stripe.Product {
  const name = params.requiredString("name");
  const text = (field: string) => (params.defines(field) ? (params.string(field) ?? null) : null);
  const id = opts.id ?? newId("prod");
  if (account.get(id)) throw invalidRequest(`Product already exists.`, "id", "resource_already_exists");
  const now = nowSeconds();
  const product: Stripe.Product = {
    id,
    object: "product",
    active: opts.active ?? (params.defines("active") ? params.boolean("active") : undefined) ?? true,
    created: now,
    default_price: null,
    description: text("description"),
    images: params.defines("images") ? params.strings("images") : [],
    livemode: account.livemode,
    marketing_features: [],
    metadata: params.metadata() ?? {},
    name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: text("statement_descriptor"),
    tax_code: text("tax_code"),
    tax_details: null,
    type: "service",
    unit_label: text("unit_label"),
    updated: now,
    url: text("url"),
  };
  account.insert(product);
  emitEvent(account, "product.created", product);
  return product;
}

/**
 * A price from `price` params, a product's `default_price_data` or inline `price_data` (Checkout
 * line items): `product` or `product_data`, `unit_amount`, optional
 * `recurring[interval|interval_count]`; fields one of them does not define are not read.
 */
export function createPrice(account: Account, params: Params, opts: { inline?: boolean; product?: string } = {}): Stripe.Price {
  const currency = normalizeCurrency(params.requiredString("currency"), params.label("currency"));
  let productId = opts.product ?? params.string("product");
  const productData = opts.product ? undefined : params.object("product_data");
  if (!productId && productData) productId = createProduct(account, productData, { active: !opts.inline }).id;
  if (!productId) throw missingParam(opts.inline ? "price_data[product]" : "product");
  account.require<Stripe.Product>(productId, "product", "product", "product");
  const unitAmount = params.integer("unit_amount") ?? (params.has("unit_amount_decimal") ? Math.round(Number(params.string("unit_amount_decimal"))) : undefined);
  if (unitAmount === undefined) throw missingParam("unit_amount");
  if (unitAmount < 0) throw invalidParam("unit_amount", "This value must be greater than or equal to 0.");
  const recurringParams = params.object("recurring");
  let recurring: Stripe.Price.Recurring | null = null;
  if (recurringParams) {
    const interval = recurringParams.enumOf("interval", INTERVALS);
    if (!interval) throw missingParam("recurring[interval]");
    const count = recurringParams.integer("interval_count") ?? 1;
    if (count < 1) throw invalidParam("recurring[interval_count]", "This value must be greater than or equal to 1.");
    recurring = { interval, interval_count: count, meter: null, trial_period_days: null, usage_type: "licensed" };
  }
  const price: Stripe.Price = {
    id: newId("price"),
    object: "price",
    active: opts.inline ? false : ((params.defines("active") ? params.boolean("active") : undefined) ?? true),
    billing_scheme: "per_unit",
    created: nowSeconds(),
    currency,
    custom_unit_amount: null,
    livemode: account.livemode,
    lookup_key: params.defines("lookup_key") ? (params.string("lookup_key") ?? null) : null,
    metadata: (params.defines("metadata") ? params.metadata() : undefined) ?? {},
    nickname: params.defines("nickname") ? (params.string("nickname") ?? null) : null,
    product: productId,
    recurring,
    tax_behavior: params.enumOf("tax_behavior", ["exclusive", "inclusive", "unspecified"] as const) ?? "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: recurring ? "recurring" : "one_time",
    unit_amount: unitAmount,
    unit_amount_decimal: String(unitAmount) as unknown as Stripe.Price["unit_amount_decimal"],
  };
  if (price.lookup_key) {
    const clash = account.list<Stripe.Price>("price", (p) => p.lookup_key === price.lookup_key)[0];
    if (clash) {
      if (params.boolean("transfer_lookup_key")) clash.lookup_key = null;
      else throw invalidParam("lookup_key", `A price (\`${clash.id}\`) already uses that lookup key.`);
    }
  }
  account.insert(price);
  if (!opts.inline) emitEvent(account, "price.created", price);
  return price;
}

function updateProduct(account: Account, product: Stripe.Product, params: Params): Stripe.Product {
  const before = structuredClone(product);
  if (params.has("name")) product.name = params.requiredString("name");
  for (const field of ["description", "statement_descriptor", "unit_label", "url"] as const) {
    if (params.has(field)) product[field] = params.nullableString(field) ?? null;
  }
  const active = params.boolean("active");
  if (active !== undefined) product.active = active;
  if (params.has("images")) product.images = params.strings("images");
  const metadata = params.metadata("metadata", product.metadata);
  if (metadata) product.metadata = metadata;
  const defaultPrice = params.string("default_price");
  if (defaultPrice) {
    const price = account.require<Stripe.Price>(defaultPrice, "price", "price", "default_price");
    if (price.product !== product.id) throw invalidParam("default_price", "The default price must belong to this product.");
    product.default_price = price.id;
  }
  const prev = previousAttributes(before, product);
  if (prev) {
    product.updated = nowSeconds();
    emitEvent(account, "product.updated", product, prev);
  }
  return product;
}

function updatePrice(account: Account, price: Stripe.Price, params: Params): Stripe.Price {
  const before = structuredClone(price);
  const active = params.boolean("active");
  if (active !== undefined) price.active = active;
  if (params.has("nickname")) price.nickname = params.nullableString("nickname") ?? null;
  if (params.has("lookup_key")) price.lookup_key = params.nullableString("lookup_key") ?? null;
  const metadata = params.metadata("metadata", price.metadata);
  if (metadata) price.metadata = metadata;
  const prev = previousAttributes(before, price);
  if (prev) emitEvent(account, "price.updated", price, prev);
  return price;
}

export const catalogRoutes = [
  route("POST", "/v1/products", ({ account, params }) => {
    const product = createProduct(account, params, { id: params.string("id") });
    const priceData = params.object("default_price_data");
    if (priceData) {
      const price = createPrice(account, priceData, { product: product.id });
      const before = structuredClone(product);
      product.default_price = price.id;
      emitEvent(account, "product.updated", product, previousAttributes(before, product));
    }
    return product;
  }),
  route("GET", "/v1/products/:id", ({ account, path }) => account.require<Stripe.Product>(path.id, "product", "product")),
  route("POST", "/v1/products/:id", ({ account, params, path }) =>
    updateProduct(account, account.require<Stripe.Product>(path.id, "product", "product"), params),
  ),
  route("DELETE", "/v1/products/:id", ({ account, path }) => {
    const product = account.require<Stripe.Product>(path.id, "product", "product");
    if (account.list<Stripe.Price>("price", (p) => p.product === product.id && p.active).length > 0) {
      throw invalidRequest("This product cannot be deleted because it has one or more user-created prices.", "id");
    }
    emitEvent(account, "product.deleted", product);
    const deleted: Stripe.DeletedProduct = { id: product.id, object: "product", deleted: true };
    account.insert(deleted);
    return deleted;
  }),
  route("GET", "/v1/products", ({ account, params }) => {
    const active = params.boolean("active");
    const ids = params.strings("ids");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Product>(
      "product",
      (p) => (active === undefined || p.active === active) && (ids.length === 0 || ids.includes(p.id)) && created(p.created),
    );
    return paginate(params, items, "/v1/products");
  }),
  route("POST", "/v1/prices", ({ account, params }) => createPrice(account, params)),
  route("GET", "/v1/prices/:id", ({ account, path }) => account.require<Stripe.Price>(path.id, "price", "price")),
  route("POST", "/v1/prices/:id", ({ account, params, path }) => updatePrice(account, account.require<Stripe.Price>(path.id, "price", "price"), params)),
  route("GET", "/v1/prices", ({ account, params }) => {
    const active = params.boolean("active");
    const product = params.string("product");
    const type = params.enumOf("type", ["one_time", "recurring"] as const);
    const currency = params.string("currency")?.toLowerCase();
    const interval = params.string("recurring.interval");
    const lookupKeys = params.strings("lookup_keys");
    const created = rangeFilter(params, "created");
    const items = account.list<Stripe.Price>(
      "price",
      (p) =>
        (active === undefined || p.active === active) &&
        (!product || p.product === product) &&
        (!type || p.type === type) &&
        (!currency || p.currency === currency) &&
        (!interval || p.recurring?.interval === interval) &&
        (lookupKeys.length === 0 || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key))) &&
        created(p.created),
    );
    return paginate(params, items, "/v1/prices");
  }),
];
