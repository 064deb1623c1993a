import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { answerThreeDSecure, control, emulatorUrl, newSecretKey, startWebhookReceiver, stripeClient, submitCheckoutForm } from "./test-support";

const receivers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function account() {
  const key = newSecretKey("checkout");
  const stripe = stripeClient(key);
  const receiver = await startWebhookReceiver();
  receivers.push(receiver);
  const endpoint = await stripe.webhookEndpoints.create({ url: receiver.url, enabled_events: ["*"] });
  return { key, stripe, receiver, secret: endpoint.secret! };
}

async function price(stripe: Stripe, amount: number, recurring?: Stripe.PriceCreateParams.Recurring) {
  return stripe.prices.create({ currency: "eur", unit_amount: amount, product_data: { name: recurring ? "Monthly plan" : "Gi" }, recurring });
}

describe("checkout sessions", () => {
  it("pays a hosted payment session through the form and delivers signed webhooks", async () => {
    const { stripe, receiver, secret } = await account();
    const gi = await price(stripe, 4500);
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [
        { price: gi.id, quantity: 2 },
        { price_data: { currency: "eur", unit_amount: 1000, product_data: { name: "Belt" } }, quantity: 1 },
      ],
      customer_creation: "always",
      metadata: { order: "o_1" },
      payment_intent_data: { metadata: { order: "o_1" } },
      success_url: "https://app.example/shop/done?session={CHECKOUT_SESSION_ID}",
      cancel_url: "https://app.example/shop",
    });
    expect(session).toMatchObject({ status: "open", payment_status: "unpaid", amount_total: 10000, currency: "eur", ui_mode: "hosted_page", payment_intent: null });
    expect(session.url).toBe(`${emulatorUrl()}/c/pay/${session.id}`);

    const page = await fetch(session.url!);
    const html = await page.text();
    expect(html).toContain("Card number");
    expect(html).toContain("Email");
    expect(html).toContain("€100.00");

    const res = await submitCheckoutForm(session.id, { card_number: "4242 4242 4242 4242", email: "buyer@example.com" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`https://app.example/shop/done?session=${session.id}`);

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent", "line_items", "customer"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid", customer_details: { email: "buyer@example.com", name: "Jenny Rosen" } });
    const pi = done.payment_intent as Stripe.PaymentIntent;
    expect(pi).toMatchObject({ status: "succeeded", amount: 10000, metadata: { order: "o_1" } });
    expect((done.customer as Stripe.Customer).email).toBe("buyer@example.com");
    expect(done.line_items?.data.map((li) => [li.description, li.quantity, li.amount_total])).toEqual([
      ["Gi", 2, 9000],
      ["Belt", 1, 1000],
    ]);
    const lineItems = await stripe.checkout.sessions.listLineItems(session.id, { limit: 1 });
    expect(lineItems.has_more).toBe(true);

    const received = await receiver.waitFor((r) => r.some((w) => w.event.type === "checkout.session.completed"));
    for (const w of received) {
      const event = stripe.webhooks.constructEvent(w.body, w.signature, secret);
      expect(event.id).toBe(w.event.id);
    }
    expect(() => stripe.webhooks.constructEvent(received[0].body, received[0].signature, "whsec_wrong")).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const types = received.map((w) => w.event.type);
    for (const t of ["customer.created", "payment_intent.created", "charge.succeeded", "payment_intent.succeeded", "checkout.session.completed"]) expect(types).toContain(t);
    expect(types.indexOf("payment_intent.succeeded")).toBeLessThan(types.indexOf("checkout.session.completed"));
    const completed = received.find((w) => w.event.type === "checkout.session.completed")!.event as Stripe.CheckoutSessionCompletedEvent;
    expect(completed.data.object).toMatchObject({ id: session.id, metadata: { order: "o_1" }, payment_status: "paid" });

    const events = await stripe.events.list({ type: "checkout.session.completed" });
    expect(events.data.map((e) => e.id)).toEqual([completed.id]);
    expect((await stripe.events.retrieve(completed.id)).type).toBe("checkout.session.completed");
  });

  it("shows a decline on the page and lets the customer retry with another card on the same PaymentIntent", async () => {
    const { stripe } = await account();
    const p = await price(stripe, 2000);
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: p.id, quantity: 1 }], customer_email: "m@example.com", success_url: "https://app.example/ok" });
    const declined = await submitCheckoutForm(session.id, { card_number: "4000000000009995" });
    expect(declined.status).toBe(200);
    expect(await declined.text()).toContain("Your card has insufficient funds.");
    const invalid = await submitCheckoutForm(session.id, { card_number: "4242424242424241" });
    expect(await invalid.text()).toContain("Your card number is invalid.");
    const open = await stripe.checkout.sessions.retrieve(session.id);
    expect(open.status).toBe("open");

    const ok = await submitCheckoutForm(session.id, { card_number: "4242424242424242" });
    expect(ok.headers.get("location")).toBe("https://app.example/ok");
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.latest_charge"] });
    expect(done.payment_intent).toMatchObject({ id: open.payment_intent, status: "succeeded" });
    expect(((done.payment_intent as Stripe.PaymentIntent).latest_charge as Stripe.Charge).status).toBe("succeeded");
    expect((await stripe.charges.list({ payment_intent: open.payment_intent as string })).data.map((c) => c.status)).toEqual(["succeeded", "failed"]);
  });

  it("runs 3-D Secure inside checkout: Fail shows an error and keeps it open, Complete pays", async () => {
    const { stripe } = await account();
    const p = await price(stripe, 3000);
    const customer = await stripe.customers.create({ email: "m@example.com" });
    const session = await stripe.checkout.sessions.create({
      mode: "payment",
      ui_mode: "embedded_page",
      customer: customer.id,
      line_items: [{ price: p.id, quantity: 1 }],
      payment_intent_data: { setup_future_usage: "off_session" },
      return_url: "https://app.example/return?session_id={CHECKOUT_SESSION_ID}",
    });
    expect(session.client_secret).toMatch(new RegExp(`^${session.id}_secret_`));
    expect(session.url).toBeNull();
    const form = await (await fetch(`${emulatorUrl()}/c/pay/${session.id}?embedded=1`)).text();
    expect(form).not.toContain(">Email<");

    const challenge = await submitCheckoutForm(session.id, { card_number: "4000002500003155" }, { embedded: true });
    expect(challenge.status).toBe(303);
    const threeDs = challenge.headers.get("location")!;
    const intentId = /\/3ds\/([^?]+)/.exec(threeDs)![1];
    const challengePage = await (await fetch(`${emulatorUrl()}${threeDs}`)).text();
    expect(challengePage).toContain(">Complete<");
    expect(challengePage).toContain(">Fail<");

    const failed = await answerThreeDSecure(intentId, "fail");
    const resume = await fetch(failed.headers.get("location")!);
    expect(await resume.text()).toContain("We are unable to authenticate your payment method.");
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");

    const again = await submitCheckoutForm(session.id, { card_number: "4000002500003155" }, { embedded: true });
    const secondIntent = /\/3ds\/([^?]+)/.exec(again.headers.get("location")!)![1];
    expect(secondIntent).toBe(intentId);
    const completed = await answerThreeDSecure(intentId, "complete");
    const finalPage = await fetch(completed.headers.get("location")!, { redirect: "manual" });
    expect(finalPage.status).toBe(303);
    const completePage = await (await fetch(new URL(finalPage.headers.get("location")!, emulatorUrl()))).text();
    expect(completePage).toContain("tatami-emulator:checkout-complete");
    expect(completePage).toContain(`https://app.example/return?session_id=${session.id}`);

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid" });
    // setup_future_usage saved the card on the customer for later off-session charges.
    const pm = (done.payment_intent as Stripe.PaymentIntent).payment_method as string;
    expect((await stripe.paymentMethods.retrieve(pm)).customer).toBe(customer.id);
    const offSession = await stripe.paymentIntents.create({ amount: 3000, currency: "eur", customer: customer.id, payment_method: pm, off_session: true, confirm: true });
    expect(offSession.status).toBe("succeeded");
  });

  it("saves a card in setup mode and attaches it to the customer", async () => {
    const { stripe, receiver } = await account();
    const customer = await stripe.customers.create({ email: "s@example.com" });
    const session = await stripe.checkout.sessions.create({
      mode: "setup",
      currency: "eur",
      customer: customer.id,
      setup_intent_data: { metadata: { member: "m_9" } },
      success_url: "https://app.example/card/saved",
    });
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain("Save card");
    const res = await submitCheckoutForm(session.id, { card_number: "4000000000000341" });
    expect(res.headers.get("location")).toBe("https://app.example/card/saved");
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["setup_intent"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "no_payment_required" });
    const si = done.setup_intent as Stripe.SetupIntent;
    expect(si).toMatchObject({ status: "succeeded", metadata: { member: "m_9" }, customer: customer.id });
    const listed = await stripe.paymentMethods.list({ customer: customer.id, type: "card" });
    expect(listed.data.map((p) => p.id)).toEqual([si.payment_method]);
    await receiver.waitFor((r) => ["setup_intent.succeeded", "payment_method.attached", "checkout.session.completed"].every((t) => r.some((w) => w.event.type === t)));
  });

  it("subscription mode creates the subscription with the card, through 3-D Secure when the card asks", async () => {
    const { stripe, receiver } = await account();
    const monthly = await price(stripe, 3900, { interval: "month" });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: monthly.id, quantity: 1 }],
      subscription_data: { metadata: { plan: "kids" } },
      success_url: "https://app.example/subscribed",
    });
    expect(await (await fetch(session.url!)).text()).toContain("Subscribe");
    const challenge = await submitCheckoutForm(session.id, { card_number: "4000002760003184", email: "parent@example.com" });
    const intentId = /\/3ds\/([^?]+)/.exec(challenge.headers.get("location")!)![1];
    const answered = await answerThreeDSecure(intentId, "complete");
    const back = await fetch(answered.headers.get("location")!, { redirect: "manual" });
    expect(back.headers.get("location")).toBe("https://app.example/subscribed");

    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    expect(done).toMatchObject({ status: "complete", payment_status: "paid" });
    const subscription = done.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({ status: "active", customer: done.customer, metadata: { plan: "kids" } });
    await receiver.waitFor((r) => ["customer.subscription.created", "invoice.paid", "checkout.session.completed"].every((t) => r.some((w) => w.event.type === t)));
  });

  it("validates parameters like Stripe", async () => {
    const { stripe } = await account();
    const monthly = await price(stripe, 5000, { interval: "month" });
    await expect(stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: monthly.id, quantity: 1 }], success_url: "https://x" })).rejects.toMatchObject({
      statusCode: 400,
      param: "line_items[0][price]",
    });
    await expect(stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: "price_nope", quantity: 1 }] })).rejects.toMatchObject({
      statusCode: 404,
      code: "resource_missing",
      param: "line_items[0][price]",
    });
    await expect(
      stripe.checkout.sessions.create({ mode: "payment", ui_mode: "embedded_page", line_items: [{ price: monthly.id, quantity: 1 }], success_url: "https://x" }),
    ).rejects.toMatchObject({ param: "success_url" });
    await expect(stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: (await price(stripe, 100)).id, quantity: 1 }] })).rejects.toMatchObject({
      param: "line_items",
    });
  });

  it("expires an open session (and refuses to expire it twice)", async () => {
    const { stripe, receiver } = await account();
    const p = await price(stripe, 1500);
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: p.id, quantity: 1 }], success_url: "https://x" });
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: "expired", url: null });
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toMatchObject({ statusCode: 400 });
    expect((await fetch(`${emulatorUrl()}/c/pay/${session.id}`)).status).toBe(410);
    await receiver.waitFor((r) => r.some((w) => w.event.type === "checkout.session.expired"));
    const listed = await stripe.checkout.sessions.list({ status: "expired" });
    expect(listed.data.map((s) => s.id)).toEqual([session.id]);
  });

  it("expires a session by itself once expires_at has passed, with its event, and only that one", async () => {
    const { key, stripe, receiver } = await account();
    const p = await price(stripe, 1500);
    const now = Math.floor(Date.now() / 1000);
    const soon = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: p.id, quantity: 1 }], success_url: "https://x", expires_at: now + 31 * 60 });
    const later = await stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: p.id, quantity: 1 }], success_url: "https://x" });
    const other = newSecretKey("elsewhere");
    const elsewhere = await stripeClient(other).checkout.sessions.create({ mode: "payment", line_items: [{ price_data: { currency: "eur", unit_amount: 900, product_data: { name: "x" } }, quantity: 1 }], success_url: "https://x", expires_at: now + 31 * 60 });

    // Nothing is due yet.
    expect(await control("checkout/expire-due", { apiKey: key })).toEqual({ expired: [] });
    // 40 minutes later: the short session is due, the 24-hour one and the other account's are not touched.
    expect(await control("checkout/expire-due", { apiKey: key, asOf: now + 40 * 60 })).toEqual({ expired: [soon.id] });
    await receiver.waitFor((r) => r.some((w) => w.event.type === "checkout.session.expired" && (w.event.data.object as Stripe.Checkout.Session).id === soon.id));
    expect(await stripe.checkout.sessions.retrieve(soon.id)).toMatchObject({ status: "expired", url: null });
    expect(await stripe.checkout.sessions.retrieve(later.id)).toMatchObject({ status: "open" });
    expect(await stripeClient(other).checkout.sessions.retrieve(elsewhere.id)).toMatchObject({ status: "open" });
    // Expired once: a second sweep finds nothing.
    expect(await control("checkout/expire-due", { apiKey: key, asOf: now + 40 * 60 })).toEqual({ expired: [] });
    expect(receiver.received.filter((w) => w.event.type === "checkout.session.expired")).toHaveLength(1);
  });
});

describe("catalog", () => {
  it("creates products and one-time/recurring prices and filters them", async () => {
    const stripe = stripeClient(newSecretKey("catalog"));
    const product = await stripe.products.create({ name: "Membership", default_price_data: { currency: "eur", unit_amount: 3900, recurring: { interval: "month" } } });
    expect(product.default_price).toMatch(/^price_/);
    await stripe.prices.create({ product: product.id, currency: "eur", unit_amount: 39000, recurring: { interval: "year" } });
    await stripe.prices.create({ product: product.id, currency: "eur", unit_amount: 1500 });
    const recurring = await stripe.prices.list({ type: "recurring", product: product.id, expand: ["data.product"] });
    expect(recurring.data.map((p) => [p.unit_amount, p.recurring?.interval])).toEqual([
      [39000, "year"],
      [3900, "month"],
    ]);
    expect((recurring.data[0].product as Stripe.Product).name).toBe("Membership");
    const quarterly = await stripe.prices.create({ product: product.id, currency: "eur", unit_amount: 11000, recurring: { interval: "month", interval_count: 3 } });
    expect(quarterly.recurring).toMatchObject({ interval: "month", interval_count: 3 });
    await stripe.prices.update(quarterly.id, { active: false });
    expect((await stripe.prices.list({ active: true, product: product.id })).data).toHaveLength(3);
    await expect(stripe.products.del(product.id)).rejects.toMatchObject({ statusCode: 400 });
  });
});
