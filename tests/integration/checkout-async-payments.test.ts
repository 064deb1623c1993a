import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { reservedQuantities } from "@/lib/shop/availability";
import { dojoWithStripe, openInvoiceFor, payInCheckout, paymentState, sessionIdOf, webhookEvent } from "../support/card-payment";
import { actAs } from "../support/factories";
import { createProduct, openShop, orderState, sessionIdFromUrl, stockOf } from "../support/shop";
import { deliverSignedEvent, eventAbout } from "../support/signed-event";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

// Problem 7 of issue 13: Checkout takes only what the app can settle at once (cards), and the
// events of delayed payment methods are handled: async_payment_succeeded books like completed,
// async_payment_failed books nothing and frees the order's items, completed-but-unpaid books nothing.

async function shopWithCardOrder() {
  const { dojo, stripe } = await dojoWithStripe();
  await openShop(dojo.id);
  const gi = await createProduct(dojo, { name: "Gi", priceMinor: 4500, stock: 3 });
  actAs(null);
  const placed = await placeShopOrderAction({
    slug: dojo.slug,
    name: "Buyer",
    email: `buyer-${Date.now()}@example.test`,
    phone: "+386 40 123 456",
    payment: "card",
    items: [{ productId: gi.id, quantity: 2 }],
  });
  if (!placed.ok) throw new Error(placed.error);
  return { dojo, stripe, gi, orderId: placed.data.orderId, sessionId: sessionIdFromUrl(placed.data.redirectUrl) };
}

async function invoiceCheckout() {
  const { dojo, stripe, signInOwner } = await dojoWithStripe();
  const { invoice } = await openInvoiceFor(dojo);
  signInOwner();
  const opened = await openInvoiceCheckoutAction({ invoiceId: invoice.id });
  if (!opened.ok) throw new Error(opened.error);
  return { dojo, stripe, invoice, sessionId: sessionIdOf(opened.data.clientSecret) };
}

describe("Checkout takes only cards", () => {
  it("the shop's and the invoice's Checkout Sessions allow cards only", async () => {
    const shop = await shopWithCardOrder();
    expect(await shop.stripe.checkout.sessions.retrieve(shop.sessionId)).toMatchObject({ mode: "payment", allowed_payment_method_types: ["card"] });
    const desk = await invoiceCheckout();
    expect(await desk.stripe.checkout.sessions.retrieve(desk.sessionId)).toMatchObject({ mode: "payment", allowed_payment_method_types: ["card"] });
  });
});

describe("the shop's Checkout lifetime", () => {
  it("expires well inside Stripe's 30-minute to 24-hour window, and before the items stop being held", async () => {
    const { stripe, sessionId, orderId } = await shopWithCardOrder();
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    const lifetime = session.expires_at - session.created;
    // At least ten minutes above Stripe's minimum: clocks that differ or a slow request cannot push it under.
    expect(lifetime).toBeGreaterThanOrEqual(40 * 60);
    expect(lifetime).toBeLessThanOrEqual(24 * 3600 - 10 * 60);
    const { order } = await orderState(orderId);
    expect(order.reservedUntil!.getTime() / 1000).toBeGreaterThanOrEqual(session.expires_at + 60);
  });
});

describe("checkout.session.async_payment_succeeded", () => {
  it("books a webshop order through the same path as completed, once", async () => {
    const { dojo, stripe, gi, orderId, sessionId } = await shopWithCardOrder();
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" });
    const completed = await webhookEvent(stripe, "checkout.session.completed", sessionId);
    if (completed.type !== "checkout.session.completed") throw new Error(`not a completed session: ${completed.type}`);
    const succeeded = eventAbout("checkout.session.async_payment_succeeded", completed.data.object);

    expect(await deliverSignedEvent(dojo.id, succeeded)).toEqual({ status: 200, result: "processed" });
    const state = await orderState(orderId);
    expect(state.order).toMatchObject({ status: "paid", stockTaken: true });
    expect(state.invoice).toMatchObject({ status: "paid", source: "webshop", paidMinor: 9000 });
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toEqual([expect.objectContaining({ kind: "revenue", amountMinor: 9000 })]);
    expect(await stockOf(gi.id)).toBe(1);

    // The completed event as well (either may come first): nothing twice.
    expect((await deliverSignedEvent(dojo.id, completed)).status).toBe(200);
    const again = await orderState(orderId);
    expect(again.payments).toHaveLength(1);
    expect(again.entries).toHaveLength(1);
    expect(await stockOf(gi.id)).toBe(1);
  });

  it("records an invoice's card payment through the same path as completed", async () => {
    const { dojo, stripe, invoice, sessionId } = await invoiceCheckout();
    await payInCheckout(sessionId, "4242424242424242");
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(await deliverSignedEvent(dojo.id, eventAbout("checkout.session.async_payment_succeeded", session))).toEqual({ status: 200, result: "processed" });
    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "paid", paidMinor: 5000 });
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toHaveLength(1);
  });
});

describe("checkout.session.async_payment_failed", () => {
  it("leaves the webshop order unpaid, frees its items and books nothing", async () => {
    const { dojo, stripe, gi, orderId, sessionId } = await shopWithCardOrder();
    const db = await getDb();
    expect((await reservedQuantities(db, [gi.id])).get(gi.id)).toBe(2);
    const session = await stripe.checkout.sessions.retrieve(sessionId);

    expect(await deliverSignedEvent(dojo.id, eventAbout("checkout.session.async_payment_failed", session))).toEqual({ status: 200, result: "processed" });
    const state = await orderState(orderId);
    expect(state.order).toMatchObject({ status: "cancelled", stockTaken: false, reservedUntil: null, invoiceId: null, cancelReason: expect.stringContaining("payment failed") });
    expect(state.invoice).toBeNull();
    expect(state.payments).toEqual([]);
    expect(state.entries).toEqual([]);
    expect(await stockOf(gi.id)).toBe(3);
    expect((await reservedQuantities(db, [gi.id])).get(gi.id) ?? 0).toBe(0);
  });

  it("leaves the invoice open with nothing recorded", async () => {
    const { dojo, stripe, invoice, sessionId } = await invoiceCheckout();
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    // No debit was processing for this invoice, so there is nothing to end (and no mail to send).
    expect(await deliverSignedEvent(dojo.id, eventAbout("checkout.session.async_payment_failed", session))).toEqual({ status: 200, result: "ignored" });
    const state = await paymentState(invoice.id);
    expect(state.invoice).toMatchObject({ status: "open", paidMinor: 0 });
    expect(state.payments).toEqual([]);
    expect(state.entries).toEqual([]);
  });

  it("books nothing when the payment had in fact succeeded (a stale event): the order stays paid", async () => {
    const { dojo, stripe, orderId, sessionId } = await shopWithCardOrder();
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" });
    const completed = await webhookEvent(stripe, "checkout.session.completed", sessionId);
    expect((await deliverSignedEvent(dojo.id, completed)).result).toBe("processed");
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    expect(await deliverSignedEvent(dojo.id, eventAbout("checkout.session.async_payment_failed", session))).toEqual({ status: 200, result: "ignored" });
    const state = await orderState(orderId);
    expect(state.order.status).toBe("paid");
    expect(state.payments).toHaveLength(1);
  });
});

describe("checkout.session.completed while the payment is still pending", () => {
  it("records nothing for an unpaid session, shop or invoice", async () => {
    const shop = await shopWithCardOrder();
    const shopSession = await shop.stripe.checkout.sessions.retrieve(shop.sessionId);
    expect(shopSession.payment_status).toBe("unpaid");
    expect(await deliverSignedEvent(shop.dojo.id, eventAbout("checkout.session.completed", shopSession))).toEqual({ status: 200, result: "ignored" });
    const order = await orderState(shop.orderId);
    expect(order.order).toMatchObject({ status: "pending", invoiceId: null });
    expect(order.payments).toEqual([]);

    const desk = await invoiceCheckout();
    const deskSession = await desk.stripe.checkout.sessions.retrieve(desk.sessionId);
    expect(await deliverSignedEvent(desk.dojo.id, eventAbout("checkout.session.completed", deskSession))).toEqual({ status: 200, result: "ignored" });
    expect((await paymentState(desk.invoice.id)).payments).toEqual([]);
  });
});
