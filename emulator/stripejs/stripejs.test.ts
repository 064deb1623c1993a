import { describe, expect, it } from "vitest";
import { answerThreeDSecure, emulatorUrl, newSecretKey, stripeClient } from "../stripe/test-support";

/** The server side of the Stripe.js stand-in; the browser side runs in e2e/emulator. */
async function pendingPayment() {
  const secretKey = newSecretKey("js");
  const stripe = stripeClient(secretKey);
  const customer = await stripe.customers.create({});
  const pm = await stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer: customer.id });
  const pi = await stripe.paymentIntents.create({ amount: 1500, currency: "eur", customer: customer.id, payment_method: pm.id, confirm: true });
  expect(pi.status).toBe("requires_action");
  return { stripe, pk: secretKey.replace(/^sk_/, "pk_"), pi };
}

function postedResult(html: string): unknown {
  const m = /postMessage\((\{.*\}), "\*"\)/.exec(html);
  if (!m) throw new Error(`no result message in: ${html.slice(0, 200)}`);
  return JSON.parse(m[1]);
}

describe("Stripe.js stand-in", () => {
  it("serves a script defining window.Stripe for loadStripe to reuse", async () => {
    const res = await fetch(`${emulatorUrl()}/v3`);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    const source = await res.text();
    expect(source).toContain("window.Stripe = Stripe");
    expect(source).toContain('Stripe.version = "endive"');
    // It trusts messages from the emulator's public URL too (e2e/emulator runs it on another host name).
    expect(source).toContain(`var PUBLIC_ORIGIN = "${new URL(emulatorUrl()).origin}";`);
  });

  it("sends the authentication frame through 3-D Secure and reports the PaymentIntent", async () => {
    const { stripe, pk, pi } = await pendingPayment();
    const start = await fetch(`${emulatorUrl()}/v3/authenticate?key=${pk}&client_secret=${pi.client_secret}`, { redirect: "manual" });
    expect(start.status).toBe(303);
    const challenge = new URL(start.headers.get("location")!);
    expect(challenge.pathname).toBe(`/3ds/${pi.id}`);

    const back = await answerThreeDSecure(pi.id, "complete");
    const done = new URL(back.headers.get("location")!);
    expect(done.pathname).toBe("/v3/authenticate/done");
    const result = postedResult(await (await fetch(done)).text());
    expect(result).toMatchObject({ type: "tatami-emulator:intent-result", intentId: pi.id, result: { paymentIntent: { id: pi.id, status: "succeeded" } } });
    // A browser with the publishable key sees no customer or metadata.
    expect((result as { result: { paymentIntent: object } }).result.paymentIntent).not.toHaveProperty("customer");
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("succeeded");
  });

  it("answers an error for a wrong client secret or a secret key", async () => {
    const { pk, pi } = await pendingPayment();
    const wrong = await fetch(`${emulatorUrl()}/v3/authenticate?key=${pk}&client_secret=${pi.id}_secret_nope`);
    expect(postedResult(await wrong.text())).toMatchObject({ result: { error: { code: "resource_missing" } } });
    const secret = await fetch(`${emulatorUrl()}/v3/authenticate?key=${pk.replace("pk_", "sk_")}&client_secret=${pi.client_secret}`);
    expect(postedResult(await secret.text())).toMatchObject({ result: { error: { type: "invalid_request_error" } } });
  });
});
