import { readFileSync } from "node:fs";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { Params } from "../params";
import { allRoutes } from "../routes";
import { emulatorUrl, newSecretKey, stripeClient } from "../test-support";
import { generate, schemaFile } from "./generate";
import { paramSchema, schemaFor } from "./validate";

/** A raw request, so the test controls the exact form encoding. */
async function call(key: string, method: string, path: string, form = "", headers: Record<string, string> = {}) {
  const url = `${emulatorUrl()}${path}${method === "POST" || !form ? "" : `?${form}`}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: method === "POST" ? form : undefined,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { error?: Record<string, unknown> } & Record<string, unknown> };
}

async function refused(method: string, path: string, form: string) {
  const res = await call(newSecretKey("schema"), method, path, form);
  expect(res.status).toBe(400);
  return res.body.error!;
}

describe("parameter schema derived from the stripe package", () => {
  it("matches what the installed stripe package gives (run npm run emulator:schema after upgrading stripe)", () => {
    expect(readFileSync(schemaFile, "utf8")).toBe(generate());
  }, 60_000);

  it("covers every endpoint the emulator routes, for the package's API version", () => {
    expect(paramSchema().stripe.apiVersion).toBe(Stripe.API_VERSION);
    for (const r of allRoutes()) expect(schemaFor(r.method, r.pattern), `${r.method} ${r.pattern}`).not.toBeNull();
  });
});

describe("requests refused as Stripe refuses them", () => {
  it("unknown parameter → parameter_unknown, named as on the wire, nested and in lists", async () => {
    expect(await refused("POST", "/v1/customers", "email=a%40example.com&foo=bar")).toEqual({
      type: "invalid_request_error",
      code: "parameter_unknown",
      param: "foo",
      message: "Received unknown parameter: foo",
      doc_url: "https://stripe.com/docs/error-codes/parameter-unknown",
      request_log_url: expect.stringMatching(/^https:\/\/dashboard\.stripe\.com\/test\/logs\/req_/),
    });
    expect(await refused("POST", "/v1/checkout/sessions", "mode=payment&line_items[0][price]=price_x&line_items[0][quantity]=1&line_items[0][colour]=red")).toMatchObject({
      code: "parameter_unknown",
      param: "line_items[0][colour]",
      message: "Received unknown parameter: line_items[0][colour]",
    });
    expect(await refused("POST", "/v1/customers", "address[city]=Ghent&address[planet]=Earth&nickname=x")).toMatchObject({
      code: "parameter_unknown",
      param: "address[planet]",
      message: "Received unknown parameters: address[planet], nickname",
    });
    // Query parameters of GET requests too.
    expect(await refused("GET", "/v1/customers", "limit=3&colour=red")).toMatchObject({ code: "parameter_unknown", param: "colour" });
  });

  it("refuses payment_method_types, which this API version removed from Checkout, PaymentIntents and SetupIntents", async () => {
    const stripe = stripeClient(newSecretKey("schema"));
    const err = await stripe.checkout.sessions
      .create({ mode: "setup", currency: "eur", success_url: "https://example.com/ok", payment_method_types: ["card"] } as Stripe.Checkout.SessionCreateParams)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(err).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "payment_method_types", message: "Received unknown parameter: payment_method_types" });
    expect(await refused("POST", "/v1/payment_intents", "amount=500&currency=eur&payment_method_types[]=card")).toMatchObject({ code: "parameter_unknown" });
    const session = await stripe.checkout.sessions.create({ mode: "setup", currency: "eur", success_url: "https://example.com/ok", allowed_payment_method_types: ["card"] });
    expect(session).toMatchObject({ allowed_payment_method_types: ["card"], payment_method_types: ["card"] });
  });

  it("missing required parameter → parameter_missing, at the top and nested", async () => {
    expect(await refused("POST", "/v1/products", "description=Mat")).toMatchObject({
      type: "invalid_request_error",
      code: "parameter_missing",
      param: "name",
      message: "Missing required param: name.",
    });
    expect(await refused("POST", "/v1/prices", "currency=eur&product=prod_x&unit_amount=100&recurring[interval_count]=2")).toMatchObject({
      code: "parameter_missing",
      param: "recurring[interval]",
      message: "Missing required param: recurring[interval].",
    });
  });

  it("not an integer → parameter_invalid_integer", async () => {
    expect(await refused("POST", "/v1/prices", "currency=eur&product=prod_x&unit_amount=10.5")).toMatchObject({
      code: "parameter_invalid_integer",
      param: "unit_amount",
      message: "Invalid integer: 10.5",
      doc_url: "https://stripe.com/docs/error-codes/parameter-invalid-integer",
    });
    expect(await refused("GET", "/v1/customers", "limit=ten")).toMatchObject({ code: "parameter_invalid_integer", param: "limit", message: "Invalid integer: ten" });
  });

  it("an empty string unsets only what can be unset; elsewhere → parameter_invalid_empty", async () => {
    expect(await refused("POST", "/v1/products", "name=")).toMatchObject({
      code: "parameter_invalid_empty",
      param: "name",
      message:
        "You passed an empty string for 'name'. We assume empty values are an attempt to unset a parameter; however 'name' cannot be unset. You should remove 'name' from your request or supply a non-empty value.",
    });
    const key = newSecretKey("schema");
    const customer = await call(key, "POST", "/v1/customers", "metadata[belt]=blue&description=Judo");
    // `metadata` is Stripe.Emptyable<MetadataParam> on update: "" clears it; `description` is a plain string.
    const cleared = await call(key, "POST", `/v1/customers/${customer.body.id as string}`, "metadata=");
    expect(cleared.status).toBe(200);
    expect(cleared.body.metadata).toEqual({});
    expect(await refused("POST", `/v1/customers/${customer.body.id as string}`, "description=")).toMatchObject({ code: "parameter_invalid_empty", param: "description" });
  });

  it("a value outside a closed enum → Stripe's 'must be one of' message", async () => {
    expect(await refused("POST", "/v1/refunds", "charge=ch_x&origin=bank")).toEqual({
      type: "invalid_request_error",
      param: "origin",
      message: "Invalid origin: must be one of customer_balance",
      request_log_url: expect.any(String),
    });
    const err = await refused("POST", "/v1/webhook_endpoints", "url=https%3A%2F%2Fexample.com%2Fhook&enabled_events[0]=invoice.paid&enabled_events[1]=invoice.teleported");
    expect(err).toMatchObject({ param: "enabled_events[1]", message: expect.stringMatching(/^Invalid enabled_events\[1\]: must be one of \*, account\.application\.authorized, .*, or [a-z_.]+$/) });
  });

  it("wrong shapes: boolean, array, object and string", async () => {
    expect(await refused("POST", "/v1/products", "name=Mat&active=1")).toEqual({ type: "invalid_request_error", param: "active", message: "Invalid boolean: 1", request_log_url: expect.any(String) });
    expect(await refused("POST", "/v1/customers", "preferred_locales=nl")).toMatchObject({ param: "preferred_locales", message: "Invalid array" });
    expect(await refused("POST", "/v1/customers", "address=Main%201")).toMatchObject({ param: "address", message: "Invalid object" });
    expect(await refused("POST", "/v1/customers", "metadata=x")).toMatchObject({ param: "metadata", message: "Invalid object" });
    expect(await refused("POST", "/v1/customers", "email[first]=a")).toMatchObject({ param: "email", message: 'Invalid string: {"first":"a"}' });
  });

  it("accepts what the types allow: range filters and numeric metadata", async () => {
    const key = newSecretKey("schema");
    const stripe = stripeClient(key);
    const customer = await stripe.customers.create({ metadata: { visits: 5 } });
    expect(customer.metadata).toEqual({ visits: "5" });
    const listed = await stripe.customers.list({ created: { gte: customer.created - 1, lte: customer.created + 1 }, limit: 5 });
    expect(listed.data.map((c) => c.id)).toContain(customer.id);
    expect((await call(key, "GET", "/v1/customers", `created=${customer.created}`)).status).toBe(200);
    expect(await refused("GET", "/v1/customers", "created[after]=1")).toMatchObject({ code: "parameter_unknown", param: "created[after]" });
    expect(await refused("GET", "/v1/customers", "created=yesterday")).toMatchObject({ code: "parameter_invalid_integer", param: "created" });
  });

  it("a refused request is not saved for its Idempotency-Key: the corrected retry runs", async () => {
    const key = newSecretKey("schema");
    const headers = { "idempotency-key": "schema-retry-1" };
    const first = await call(key, "POST", "/v1/customers", "email=a%40example.com&colour=red", headers);
    expect(first.status).toBe(400);
    const second = await call(key, "POST", "/v1/customers", "email=a%40example.com", headers);
    expect(second.status).toBe(200);
    expect(second.headers.get("idempotent-replayed")).toBeNull();
    const replay = await call(key, "POST", "/v1/customers", "email=a%40example.com", headers);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body.id).toBe(second.body.id);
  });
});

describe("emulator handlers", () => {
  it("cannot read a parameter the stripe package does not define for their endpoint", () => {
    const params = new Params({}, "", schemaFor("POST", "/v1/customers/:id") ?? undefined);
    expect(params.string("email")).toBeUndefined();
    expect(() => params.string("payment_method_types")).toThrow(/does not define/);
    expect(params.defines("invoice_settings.default_payment_method")).toBe(true);
    expect(params.defines("invoice_settings.colour")).toBe(false);
  });
});
