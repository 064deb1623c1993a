import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { invoices, shopOrders } from "@/db/schema";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { stripeFor } from "@/lib/stripe/client";
import { dispatchEvent } from "@/lib/stripe/webhooks/dispatch";
import { confirmOrder } from "@/lib/shop/at-dojo-orders";
import { confirmOrderReturn } from "@/lib/shop/settle-card-order";
import { publicShop } from "@/lib/shop/public-shop";
import { dojoWithStripe, inboxFor } from "../support/card-payment";
import { actAs, createMember, signedInDojo, signInAsMember } from "../support/factories";
import { createProduct, openShop, orderState, sessionIdFromUrl, stockOf } from "../support/shop";
import { handleUnclaimed } from "../support/handle-event";
import { eventObject } from "@/lib/stripe/objects";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

const buyer = (n = 1) => ({ name: `Buyer ${n}`, email: `buyer-${n}-${Date.now()}@example.test`, phone: "+386 40 123 456" });

async function cardOrder(slug: string, items: { productId: string; quantity: number }[], who = buyer()) {
  const result = await placeShopOrderAction({ slug, ...who, payment: "card", items });
  return result;
}

function placed(result: Awaited<ReturnType<typeof placeShopOrderAction>>) {
  if (!result.ok) throw new Error(`placing the order failed: ${result.error}`);
  return result.data;
}

async function completedEvent(stripe: Stripe, sessionId: string): Promise<Stripe.Event> {
  const events = await stripe.events.list({ type: "checkout.session.completed", limit: 100 });
  const event = events.data.find((e) => eventObject(e).id === sessionId);
  if (!event) throw new Error(`no event for ${sessionId}`);
  return event;
}

describe("webshop card orders", () => {
  it("buys two products by card: order paid, paid webshop invoice, one revenue entry, stock down, mails", async () => {
    const { dojo, owner, stripe } = await dojoWithStripe();
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { name: "Gi", priceMinor: 4500, stock: 5 });
    const belt = await createProduct(dojo, { name: "Belt", priceMinor: 1250, stock: null });
    actAs(null);
    const who = buyer();
    const { orderId, redirectUrl } = placed(await cardOrder(dojo.slug, [{ productId: gi.id, quantity: 2 }, { productId: belt.id, quantity: 1 }], who));
    const sessionId = sessionIdFromUrl(redirectUrl);
    const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["line_items"] });
    expect(session).toMatchObject({ amount_total: 10250, currency: "eur", customer_email: who.email, metadata: { tatami_dojo_id: dojo.id, tatami_order_id: orderId } });
    expect(session.success_url).toBe(`http://localhost:3000/shop/${dojo.slug}/orders/${orderId}?checkout_session={CHECKOUT_SESSION_ID}`);

    // Held, not yet taken: the stock count moves only when Stripe confirms the payment.
    expect(await stockOf(gi.id)).toBe(5);
    const db = await getDb();
    expect(await confirmOrderReturn(db, dojo.id, orderId, sessionId)).toMatchObject({ kind: "unpaid" });

    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" });
    expect(await confirmOrderReturn(db, dojo.id, orderId, sessionId)).toMatchObject({ kind: "paid", recorded: true });

    const state = await orderState(orderId);
    expect(state.order).toMatchObject({ status: "paid", totalMinor: 10250, stockTaken: true, memberId: null });
    expect(state.invoice).toMatchObject({ status: "paid", source: "webshop", totalMinor: 10250, paidMinor: 10250 });
    expect(state.payments).toEqual([expect.objectContaining({ method: "card", amountMinor: 10250 })]);
    expect(state.entries).toEqual([expect.objectContaining({ kind: "revenue", amountMinor: 10250 })]);
    expect(await stockOf(gi.id)).toBe(3);
    expect(await stockOf(belt.id)).toBeNull();

    const mail = await inboxFor(who.email);
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`Order #1 paid: €102.50`);
    expect(mail[0].text).toContain("2 × Gi");
    expect(await inboxFor(owner.email)).toEqual([expect.objectContaining({ subject: "New webshop order #1 (€102.50)" })]);
  });

  it("a webhook delivered twice (and the browser return) gives one invoice, one revenue entry and stock down once", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { stock: 4 });
    const { orderId, redirectUrl } = placed(await cardOrder(dojo.slug, [{ productId: gi.id, quantity: 3 }]));
    const sessionId = sessionIdFromUrl(redirectUrl);
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" });
    const event = await completedEvent(stripe, sessionId);
    const db = await getDb();
    const ctx = { dojoId: dojo.id, stripe: stripeFor(secretKey), event };

    const results = await Promise.all([
      handleUnclaimed(ctx),
      handleUnclaimed(ctx),
      confirmOrderReturn(db, dojo.id, orderId, sessionId),
    ]);
    expect(results.slice(0, 2)).toEqual(["processed", "processed"]);
    expect(await dispatchEvent(db, dojo.id, stripeFor(secretKey), event)).toBe("processed");
    expect(await dispatchEvent(db, dojo.id, stripeFor(secretKey), event)).toBe("duplicate");

    const state = await orderState(orderId);
    expect(state.order.status).toBe("paid");
    expect(state.payments).toHaveLength(1);
    expect(state.entries).toHaveLength(1);
    expect(await db.select().from(invoices).where(eq(invoices.dojoId, dojo.id))).toHaveLength(1);
    expect(await stockOf(gi.id)).toBe(1);
  });

  it("ten buyers checking out at once for three items: at most three paid orders", async () => {
    const { dojo } = await dojoWithStripe();
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { stock: 3 });
    actAs(null);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => cardOrder(dojo.slug, [{ productId: gi.id, quantity: 1 }], buyer(i))));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(3);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual(Array(7).fill(`"Gi" is sold out.`));

    const db = await getDb();
    await Promise.all(ok.map((r) => submitCheckoutForm(sessionIdFromUrl(placed(r).redirectUrl), { card_number: "4242424242424242" })));
    await Promise.all(ok.map((r) => confirmOrderReturn(db, dojo.id, placed(r).orderId, sessionIdFromUrl(placed(r).redirectUrl))));
    const orders = await db.select().from(shopOrders).where(eq(shopOrders.dojoId, dojo.id));
    expect(orders.filter((o) => o.status === "paid")).toHaveLength(3);
    expect(await stockOf(gi.id)).toBe(0);
    // Sold out now, for everyone.
    expect(await cardOrder(dojo.slug, [{ productId: gi.id, quantity: 1 }])).toMatchObject({ ok: false, error: `"Gi" is sold out.` });
  });

  it("a payment that arrives after the items were sold elsewhere is refunded, not recorded", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { stock: 1 });
    const first = placed(await cardOrder(dojo.slug, [{ productId: gi.id, quantity: 1 }]));
    const db = await getDb();
    // The reservation ran out (the buyer took too long) and someone paid at the dojo meanwhile.
    await db.update(shopOrders).set({ reservedUntil: new Date(Date.now() - 1000) }).where(eq(shopOrders.id, first.orderId));
    expect(await placeShopOrderAction({ slug: dojo.slug, ...buyer(2), payment: "at_dojo", items: [{ productId: gi.id, quantity: 1 }] })).toMatchObject({ ok: true });
    const sessionId = sessionIdFromUrl(first.redirectUrl);
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" });
    expect(await confirmOrderReturn(db, dojo.id, first.orderId, sessionId)).toMatchObject({ kind: "refund" });
    const state = await orderState(first.orderId);
    expect(state.order.status).toBe("cancelled");
    expect(state.invoice).toBeNull();
    expect(await stockOf(gi.id)).toBe(0);
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    const refunds = await stripe.refunds.list({ payment_intent: session.payment_intent as string });
    expect(refunds.data).toEqual([expect.objectContaining({ amount: 4500, status: "succeeded" })]);
  });
});

describe("webshop rules", () => {
  it("prices come from the database: a crafted price, amount or total is ignored", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { priceMinor: 4500, stock: 5 });
    const crafted = { slug: dojo.slug, ...buyer(), payment: "card", totalMinor: 1, amount: 1, items: [{ productId: gi.id, quantity: 2, price: 1, unitPriceMinor: 1, priceMinor: 1 }] };
    const { orderId, redirectUrl } = placed(await placeShopOrderAction(crafted as never));
    expect((await orderState(orderId)).order.totalMinor).toBe(9000);
    const session = await stripe.checkout.sessions.retrieve(sessionIdFromUrl(redirectUrl), { expand: ["line_items"] });
    expect(session.amount_total).toBe(9000);
    expect(session.line_items?.data.map((l) => [l.quantity, l.price?.unit_amount])).toEqual([[2, 4500]]);
    // Negative or fractional quantities are refused outright.
    expect(await placeShopOrderAction({ ...crafted, items: [{ productId: gi.id, quantity: -1 }] } as never)).toMatchObject({ ok: false });
  });

  it("without card payments the option is absent and a crafted card order is refused", async () => {
    const { dojo } = await dojoWithStripe();
    await openShop(dojo.id, { cardPayments: false });
    const gi = await createProduct(dojo);
    const db = await getDb();
    expect((await publicShop(db, dojo.slug))?.payments).toMatchObject({ card: false, atDojo: true });
    expect(await cardOrder(dojo.slug, [{ productId: gi.id, quantity: 1 }])).toMatchObject({ ok: false, error: "Card payments are not available in this shop." });
    expect(await db.select().from(shopOrders).where(eq(shopOrders.dojoId, dojo.id))).toHaveLength(0);

    // Switched on, but the plan or Stripe is missing: still absent.
    const basic = await signedInDojo({ plan: "basic" });
    await openShop(basic.dojo.id, { cardPayments: true });
    expect((await publicShop(db, basic.dojo.slug))?.payments.card).toBe(false);
    const product = await createProduct(basic.dojo);
    expect(await cardOrder(basic.dojo.slug, [{ productId: product.id, quantity: 1 }])).toMatchObject({ ok: false });
  });

  it("a shop that is switched off is not found", async () => {
    const { dojo } = await signedInDojo();
    const gi = await createProduct(dojo);
    const db = await getDb();
    expect(await publicShop(db, dojo.slug)).toBeNull();
    await openShop(dojo.id, { enabled: false });
    expect(await publicShop(db, dojo.slug)).toBeNull();
    expect(await placeShopOrderAction({ slug: dojo.slug, ...buyer(), payment: "at_dojo", items: [{ productId: gi.id, quantity: 1 }] })).toMatchObject({ ok: false, error: "This shop is not open at the moment." });
    expect(await publicShop(db, "no-such-dojo")).toBeNull();
  });

  it("pay at the dojo: pending order, items set aside, linked to the signed-in member; the invoice comes with the dojo's confirmation", async () => {
    const { dojo } = await signedInDojo({ plan: "basic" });
    await openShop(dojo.id, { cardPayments: false });
    const gi = await createProduct(dojo, { stock: 2 });
    const member = await createMember(dojo.id);
    signInAsMember(member);
    const { orderId } = placed(await placeShopOrderAction({ slug: dojo.slug, ...buyer(), payment: "at_dojo", items: [{ productId: gi.id, quantity: 2 }] }));
    const state = await orderState(orderId);
    expect(state.order).toMatchObject({ status: "pending", memberId: member.id, stockTaken: true, confirmedAt: null });
    expect(state.invoice).toBeNull();
    expect(await stockOf(gi.id)).toBe(0);
    expect(await placeShopOrderAction({ slug: dojo.slug, ...buyer(), payment: "at_dojo", items: [{ productId: gi.id, quantity: 1 }] })).toMatchObject({ ok: false, error: `"Gi" is sold out.` });
    await confirmOrder(await getDb(), dojo.id, orderId);
    const confirmed = await orderState(orderId);
    expect(confirmed.order.confirmedAt).not.toBeNull();
    expect(confirmed.invoice).toMatchObject({ status: "open", source: "webshop", memberId: member.id, totalMinor: 9000 });
    expect(confirmed.payments).toHaveLength(0);
  });
});
