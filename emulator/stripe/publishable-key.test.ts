import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { newSecretKey, stripeClient } from "./test-support";

const publishableOf = (sk: string) => sk.replace(/^sk_/, "pk_");

describe("a publishable key reads a SetupIntent with its client secret, as Stripe.js does", () => {
  it("the account's own publishable key gets the Stripe.js subset", async () => {
    const sk = newSecretKey("pair");
    const si = await stripeClient(sk).setupIntents.create({ metadata: { secret: "not for browsers" } });
    const seen = await stripeClient(publishableOf(sk)).setupIntents.retrieve(si.id, { client_secret: si.client_secret! });
    expect(seen).toMatchObject({ id: si.id, object: "setup_intent", status: "requires_payment_method", client_secret: si.client_secret });
    expect(seen).not.toHaveProperty("metadata");
    expect(seen).not.toHaveProperty("customer");
  });

  it("another account's publishable key finds nothing: 404 resource_missing", async () => {
    const sk = newSecretKey("pair");
    const si = await stripeClient(sk).setupIntents.create({});
    const error = await stripeClient(publishableOf(newSecretKey("other"))).setupIntents.retrieve(si.id, { client_secret: si.client_secret! }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", param: "intent", message: `No such setupintent: '${si.id}'` });
  });

  it("needs the matching client secret, and may not list or create", async () => {
    const sk = newSecretKey("pair");
    const si = await stripeClient(sk).setupIntents.create({});
    const pk = stripeClient(publishableOf(sk));
    await expect(pk.setupIntents.retrieve(si.id)).rejects.toMatchObject({ statusCode: 400, code: "parameter_missing", param: "client_secret" });
    await expect(pk.setupIntents.retrieve(si.id, { client_secret: `${si.id}_secret_wrong` })).rejects.toMatchObject({
      statusCode: 400,
      code: "setup_intent_invalid_parameter",
      message: "The client_secret provided does not match any associated SetupIntent on this account.",
    });
    await expect(pk.setupIntents.list()).rejects.toMatchObject({ statusCode: 401 });
    await expect(pk.setupIntents.create({})).rejects.toMatchObject({ statusCode: 401 });
    // The secret key still reads everything.
    expect(await stripeClient(sk).setupIntents.retrieve(si.id)).toHaveProperty("metadata");
  });
});
