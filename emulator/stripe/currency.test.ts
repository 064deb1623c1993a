import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { newSecretKey, stripeClient } from "./test-support";

// Stripe's currencies and charge limits (https://docs.stripe.com/currencies) on PaymentIntents and Prices.

const stripe = stripeClient(newSecretKey("currency"));

async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "Stripe refuses this request").toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  const { statusCode, code, param, message } = error as Stripe.errors.StripeInvalidRequestError;
  return { statusCode, code, param, message };
}

describe("currencies and charge amounts", () => {
  it.each(["hrk", "bgn", "xyz"])("a PaymentIntent or a Price in %s is refused: Stripe does not process it", async (currency) => {
    const invalid = { statusCode: 400, code: "parameter_invalid", param: "currency", message: expect.stringMatching(new RegExp(`^Invalid currency: ${currency}\\. Stripe currently supports these currencies: usd, `)) };
    expect(await refusal(stripe.paymentIntents.create({ amount: 5000, currency }))).toEqual(invalid);
    expect(await refusal(stripe.prices.create({ currency, unit_amount: 5000, product_data: { name: "Gi" } }))).toEqual(invalid);
  });

  it("accepts upper-case codes as Stripe does and answers in lower case", async () => {
    expect((await stripe.paymentIntents.create({ amount: 5000, currency: "EUR" })).currency).toBe("eur");
  });

  it.each([
    ["eur", 50, "€0.50"],
    ["gbp", 30, "£0.30"],
    ["sek", 300, "3.00-kr."],
    ["huf", 17500, "175.00 Ft"],
    ["jpy", 50, "¥50"],
  ])("a PaymentIntent in %s needs at least %i (%s): amount_too_small below", async (currency, minimum, text) => {
    expect(await refusal(stripe.paymentIntents.create({ amount: minimum - 1, currency }))).toEqual({
      statusCode: 400,
      code: "amount_too_small",
      param: "amount",
      message: `Amount must be at least ${text} ${currency}`,
    });
    expect((await stripe.paymentIntents.create({ amount: minimum, currency })).amount).toBe(minimum);
    const pi = await stripe.paymentIntents.create({ amount: minimum, currency });
    expect(await refusal(stripe.paymentIntents.update(pi.id, { amount: minimum - 1 }))).toMatchObject({ code: "amount_too_small", param: "amount" });
  });

  it("a PaymentIntent above the 8-digit maximum is refused with amount_too_large", async () => {
    expect(await refusal(stripe.paymentIntents.create({ amount: 100_000_000, currency: "eur" }))).toEqual({
      statusCode: 400,
      code: "amount_too_large",
      param: "amount",
      message: "Amount must be no more than €999,999.99 eur",
    });
    expect((await stripe.paymentIntents.create({ amount: 99_999_999, currency: "eur" })).amount).toBe(99_999_999);
  });
});
