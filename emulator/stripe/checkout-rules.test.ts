import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { newSecretKey, stripeClient } from "./test-support";

// Each Checkout rule of emulator/README.md ("Checkout, currencies and amounts"), refused with
// Stripe's status, code, param and message; and the request that keeps the rule, accepted.

const stripe = stripeClient(newSecretKey("rules"));
const now = () => Math.floor(Date.now() / 1000);
const item = (amount = 2500, currency = "eur"): Stripe.Checkout.SessionCreateParams.LineItem => ({
  quantity: 1,
  price_data: { currency, unit_amount: amount, product_data: { name: "Gi" } },
});
const hosted = { mode: "payment", line_items: [item()], success_url: "https://app.example/done" } satisfies Stripe.Checkout.SessionCreateParams;
const embedded = { mode: "payment", ui_mode: "embedded_page", line_items: [item()], return_url: "https://app.example/back" } satisfies Stripe.Checkout.SessionCreateParams;

async function refusal(params: Stripe.Checkout.SessionCreateParams) {
  const error = await stripe.checkout.sessions.create(params).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "Stripe refuses this request").toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  const { statusCode, type, code, param, message } = error as Stripe.errors.StripeInvalidRequestError;
  return { statusCode, type, code, param, message };
}

/** `code: null`: Stripe sends no code with this error. */
const invalid = (param: string | undefined, message: string | RegExp, code: string | null = "parameter_invalid") => ({
  statusCode: 400,
  type: "StripeInvalidRequestError",
  code: code ?? undefined,
  param,
  message: typeof message === "string" ? message : expect.stringMatching(message),
});
const missing = (param: string) => invalid(param, `Missing required param: ${param}.`, "parameter_missing");

describe("Checkout Session rules: redirects and ui_mode", () => {
  it("embedded with redirect_on_completion never takes no return_url", async () => {
    expect(await refusal({ ...embedded, redirect_on_completion: "never" })).toEqual(invalid("return_url", /`return_url` when `redirect_on_completion` is `never`/));
    const { return_url: _omit, ...withoutReturn } = embedded;
    const ok = await stripe.checkout.sessions.create({ ...withoutReturn, redirect_on_completion: "never" });
    expect(ok).toMatchObject({ ui_mode: "embedded_page", redirect_on_completion: "never" });
    expect(ok.return_url ?? null).toBeNull();
    expect(ok.client_secret).toMatch(/^cs_test_.+_secret_/);
  });

  it("embedded needs return_url unless redirects are off", async () => {
    const { return_url: _omit, ...withoutReturn } = embedded;
    expect(await refusal(withoutReturn)).toEqual(missing("return_url"));
    expect(await refusal({ ...withoutReturn, redirect_on_completion: "if_required" })).toEqual(missing("return_url"));
  });

  it("embedded refuses success_url and cancel_url; hosted refuses return_url and redirect_on_completion", async () => {
    expect(await refusal({ ...embedded, success_url: "https://x" })).toEqual(invalid("success_url", "You cannot use `success_url` with `ui_mode: embedded_page`. Use `return_url` instead."));
    expect(await refusal({ ...embedded, cancel_url: "https://x" })).toEqual(invalid("cancel_url", "You cannot use `cancel_url` with `ui_mode: embedded_page`."));
    expect(await refusal({ ...hosted, return_url: "https://x" })).toEqual(invalid("return_url", "You cannot use `return_url` with `ui_mode: hosted_page`. Use `success_url` instead."));
    expect(await refusal({ ...hosted, redirect_on_completion: "if_required" })).toEqual(invalid("redirect_on_completion", "`redirect_on_completion` can only be used with `ui_mode: embedded_page`."));
  });
});

describe("Checkout Session rules: mode", () => {
  it("line_items are required in payment and subscription mode and refused in setup mode", async () => {
    expect(await refusal({ mode: "payment", success_url: "https://x" })).toEqual(missing("line_items"));
    expect(await refusal({ mode: "subscription", success_url: "https://x" })).toEqual(missing("line_items"));
    expect(await refusal({ mode: "setup", currency: "eur", line_items: [item()], success_url: "https://x" })).toEqual(invalid("line_items", "You cannot pass `line_items` in `setup` mode."));
  });

  it("payment mode takes no recurring price; subscription mode needs one", async () => {
    const recurring = { ...item(), price_data: { ...item().price_data!, recurring: { interval: "month" as const } } };
    expect(await refusal({ ...hosted, line_items: [recurring] })).toEqual(invalid("line_items[0][price]", /passed a recurring price/));
    expect(await refusal({ ...hosted, mode: "subscription" })).toEqual(invalid("line_items", "You must provide at least one recurring price in `subscription` mode when using prices."));
  });

  it.each([
    ["payment_intent_data", { mode: "setup", currency: "eur", payment_intent_data: { description: "x" } }, "`payment_intent_data` can only be used in `payment` mode."],
    ["setup_intent_data", { ...hosted, setup_intent_data: { description: "x" } }, "`setup_intent_data` can only be used in `setup` mode."],
    ["subscription_data", { ...hosted, subscription_data: { description: "x" } }, "`subscription_data` can only be used in `subscription` mode."],
    ["payment_method_collection", { ...hosted, payment_method_collection: "if_required" }, "`payment_method_collection` can only be used in `subscription` mode."],
    ["submit_type", { mode: "setup", currency: "eur", submit_type: "pay" }, "`submit_type` can only be used in `payment` or `subscription` mode."],
    ["customer_creation", { mode: "subscription", customer_creation: "always" }, "`customer_creation` can only be used in `payment` or `setup` mode."],
  ] as const)("%s is refused outside its modes", async (param, params, message) => {
    expect(await refusal({ success_url: "https://x", line_items: params.mode === "subscription" ? [item()] : undefined, ...params } as Stripe.Checkout.SessionCreateParams)).toEqual(
      invalid(param, message),
    );
  });

  it("setup mode needs a currency unless allowed_payment_method_types lists the methods", async () => {
    expect(await refusal({ mode: "setup", success_url: "https://x" })).toEqual(missing("currency"));
    const withCurrency = await stripe.checkout.sessions.create({ mode: "setup", currency: "eur", success_url: "https://x" });
    expect(withCurrency).toMatchObject({ mode: "setup", currency: "eur", allowed_payment_method_types: null, payment_method_types: ["card"] });
    const listed = await stripe.checkout.sessions.create({ mode: "setup", allowed_payment_method_types: ["card"], success_url: "https://x" });
    expect(listed).toMatchObject({ currency: null, allowed_payment_method_types: ["card"], payment_method_types: ["card"] });
  });
});

describe("Checkout Session rules: customer and payment methods", () => {
  it("customer excludes customer_email and customer_creation; customer_update needs a customer", async () => {
    const customer = await stripe.customers.create({ email: "m@example.com" });
    expect(await refusal({ ...hosted, customer: customer.id, customer_email: "x@example.com" })).toEqual(
      invalid("customer_email", "You may only specify one of these parameters: customer, customer_email.", null),
    );
    expect(await refusal({ ...hosted, customer: customer.id, customer_creation: "always" })).toEqual(
      invalid("customer_creation", "You may only specify one of these parameters: customer, customer_creation."),
    );
    expect(await refusal({ ...hosted, customer_update: { name: "auto" } })).toEqual(invalid("customer_update", "`customer_update` can only be used with `customer`."));
  });

  it("allowed_payment_method_types excludes the other ways of choosing methods and offers only what the emulator has", async () => {
    expect(await refusal({ ...hosted, allowed_payment_method_types: ["card"], excluded_payment_method_types: ["klarna"] })).toEqual(
      invalid("excluded_payment_method_types", "You may only specify one of these parameters: allowed_payment_method_types, excluded_payment_method_types.", null),
    );
    expect(await refusal({ ...hosted, allowed_payment_method_types: ["card"], payment_method_configuration: "pmc_123" })).toEqual(
      invalid("payment_method_configuration", "You may only specify one of these parameters: allowed_payment_method_types, payment_method_configuration.", null),
    );
    expect(await refusal({ ...hosted, allowed_payment_method_types: ["klarna"] })).toEqual(invalid("allowed_payment_method_types", /not `klarna`/));
    expect(await stripe.checkout.sessions.create({ ...hosted, allowed_payment_method_types: ["sepa_debit"] })).toMatchObject({ payment_method_types: ["sepa_debit"] });
    const cards = await stripe.checkout.sessions.create({ ...hosted, allowed_payment_method_types: ["card"] });
    expect(cards).toMatchObject({ allowed_payment_method_types: ["card"], payment_method_types: ["card"] });
  });
});

describe("Checkout Session rules: expiry, currencies and amounts", () => {
  it("expires_at must lie 30 minutes to 24 hours ahead", async () => {
    const message = "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.";
    expect(await refusal({ ...hosted, expires_at: now() + 29 * 60 })).toEqual(invalid("expires_at", message));
    expect(await refusal({ ...hosted, expires_at: now() + 24 * 3600 + 60 })).toEqual(invalid("expires_at", message));
    const soon = now() + 31 * 60;
    expect((await stripe.checkout.sessions.create({ ...hosted, expires_at: soon })).expires_at).toBe(soon);
    expect((await stripe.checkout.sessions.create(hosted)).expires_at).toBeGreaterThanOrEqual(now() + 24 * 3600 - 5);
  });

  it("refuses currencies Stripe does not process (HRK, BGN) where a line item names one", async () => {
    for (const currency of ["hrk", "bgn", "xyz"]) {
      expect(await refusal({ ...hosted, line_items: [item(2500, currency)] })).toEqual(
        invalid("line_items[0][price_data][currency]", new RegExp(`^Invalid currency: ${currency}\\. Stripe currently supports these currencies: usd, aed, .*\\beur\\b`)),
      );
    }
    expect(await refusal({ mode: "setup", currency: "hrk", success_url: "https://x" })).toEqual(invalid("currency", /^Invalid currency: hrk\./));
  });

  it.each([
    ["eur", 49, "€0.50"],
    ["usd", 49, "$0.50"],
    ["gbp", 29, "£0.30"],
    ["chf", 49, "0.50 Fr"],
    ["huf", 17499, "175.00 Ft"],
    ["jpy", 49, "¥50"],
    ["hkd", 399, "$4.00"],
    ["mxn", 999, "$10"],
  ])("payment mode: a %s total of %i is under Stripe's minimum of %s", async (currency, amount, text) => {
    expect(await refusal({ ...hosted, line_items: [item(amount, currency)] })).toEqual(
      invalid(undefined, `The Checkout Session's total amount due must add up to at least ${text} ${currency}`, "amount_too_small"),
    );
    const ok = await stripe.checkout.sessions.create({ ...hosted, line_items: [item(amount + 1, currency)] });
    expect(ok).toMatchObject({ amount_total: amount + 1, currency });
  });

  it("the minimum is on the total, not on each line", async () => {
    const ok = await stripe.checkout.sessions.create({ ...hosted, line_items: [item(30), item(20)] });
    expect(ok.amount_total).toBe(50);
  });

  it("payment mode: a total above the 8-digit maximum is refused", async () => {
    expect(await refusal({ ...hosted, line_items: [item(99_999_999), item(1)] })).toEqual(
      invalid(undefined, /^The Checkout Session's total amount due must be no more than €999,999\.99 eur$/, "amount_too_large"),
    );
  });
});

describe("Checkout Session rules: payment methods and currencies", () => {
  it("refuses iDEAL, Bancontact and SEPA Direct Debit outside EUR, as Stripe does", async () => {
    for (const type of ["ideal", "bancontact", "sepa_debit"] as const) {
      expect(await refusal({ ...hosted, line_items: [item(2500, "usd")], allowed_payment_method_types: ["card", type] })).toEqual(
        invalid("allowed_payment_method_types", `Invalid currency options \`\`usd\`\`. The payment method \`${type}\` only supports the following currencies: \`\`eur\`\`.`),
      );
    }
    const eur = await stripe.checkout.sessions.create({ ...hosted, allowed_payment_method_types: ["card", "sepa_debit", "ideal", "bancontact"] });
    expect(eur).toMatchObject({ currency: "eur", payment_method_types: ["card", "sepa_debit", "ideal", "bancontact"] });
  });

  it("takes iDEAL and Bancontact in payment mode only; setup mode takes SEPA Direct Debit (its mandate flow), subscription mode cards", async () => {
    expect(await refusal({ mode: "setup", currency: "eur", success_url: "https://app.example/done", allowed_payment_method_types: ["card", "ideal"] })).toEqual(
      invalid("allowed_payment_method_types", /payment` mode only/),
    );
    expect(await refusal({ mode: "setup", currency: "usd", success_url: "https://app.example/done", allowed_payment_method_types: ["card", "sepa_debit"] })).toEqual(
      invalid("allowed_payment_method_types", /only supports the following currencies/),
    );
    expect(await stripe.checkout.sessions.create({ mode: "setup", currency: "eur", success_url: "https://app.example/done", allowed_payment_method_types: ["card", "sepa_debit"] })).toMatchObject({ payment_method_types: ["card", "sepa_debit"] });
  });
});
