import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { shopOrders } from "@/db/schema";
import { openOrderCheckout } from "@/lib/shop/card-checkout";
import { cancelOrder } from "@/lib/shop/change-order";
import { placeOrder, RESERVATION_MINUTES } from "@/lib/shop/place-order";
import { confirmOrderReturn } from "@/lib/shop/settle-card-order";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { createProduct, openShop, orderState, stockOf } from "../support/shop";
import { browserContractTest, contractSuite, contractTest } from "./support/contract";
import { CONTRACT_APP_URL } from "./support/target";
import { connectedDojo, type ConnectedDojo } from "./support/world";

/** Two Gis at 45.00 and a belt at 12.00, ordered for card payment, and its hosted Checkout. */
async function cardOrder(world: ConnectedDojo) {
  await openShop(world.dojo.id);
  const gi = await createProduct(world.dojo, { name: "Gi", priceMinor: 4_500, stock: 5 });
  const belt = await createProduct(world.dojo, { name: "Belt", priceMinor: 1_200, stock: 5 });
  const email = `buyer-${randomUUID().slice(0, 8)}@example.com`;
  const order = await placeOrder(world.db, world.dojo, { name: "Bea Buyer", email, phone: "+386 40 123 456", payment: "card", items: [{ productId: gi.id, quantity: 2 }, { productId: belt.id, quantity: 1 }] }, null, null);
  const url = await openOrderCheckout(world.db, world.dojo.slug, order);
  const [{ stripeSessionId }] = await world.db.select({ stripeSessionId: shopOrders.stripeSessionId }).from(shopOrders).where(eq(shopOrders.id, order.id));
  return { order, url, email, sessionId: stripeSessionId!, gi };
}

contractSuite("Webshop card orders (hosted Checkout, payment mode)", () => {
  contractTest(
    "a card order opens hosted Checkout priced from the order and expiring before the reservation; back unpaid the buyer may go on; cancelling expires it",
    ["checkout.sessions.create", "checkout.sessions.retrieve", "checkout.sessions.expire"],
    async () => {
      const world = await connectedDojo();
      const { db, dojo, admin } = world;
      const { order, url, email, sessionId, gi } = await cardOrder(world);
      const orderUrl = `${CONTRACT_APP_URL}/shop/${dojo.slug}/orders/${order.id}`;

      const session = await admin.checkout.sessions.retrieve(sessionId, { expand: ["line_items"] });
      expect(session).toMatchObject({ mode: "payment", status: "open", url, amount_total: 10_200, currency: "eur", customer_email: email, cancel_url: orderUrl, metadata: { tatami_dojo_id: dojo.id, tatami_order_id: order.id } });
      expect(session.success_url).toContain(`${orderUrl}?checkout_session=`);
      expect(session.line_items?.data.map((l) => [l.description, l.quantity, l.amount_total]).sort()).toEqual([
        ["Belt", 1, 1_200],
        ["Gi", 2, 9_000],
      ]);
      // Stripe: at least 30 minutes after creation (https://docs.stripe.com/api/checkout/sessions/create#create_checkout_session-expires_at);
      // the app: before the items' reservation ends.
      expect(session.expires_at - session.created).toBeGreaterThanOrEqual(30 * 60);
      expect(session.expires_at - session.created).toBeLessThan(RESERVATION_MINUTES * 60);

      expect(await confirmOrderReturn(db, dojo.id, order.id, sessionId)).toMatchObject({ kind: "unpaid", expired: false, payUrl: url });

      await cancelOrder(db, dojo.id, order.id, world.ctx.user.id);
      expect(await admin.checkout.sessions.retrieve(sessionId)).toMatchObject({ status: "expired" });
      expect((await orderState(order.id)).order).toMatchObject({ status: "cancelled", refundedMinor: 0 });
      expect(await stockOf(gi.id)).toBe(5);
    },
  );

  browserContractTest("a paid order is recorded once; cancelling it refunds the buyer in full", ["checkout.sessions.retrieve", "refunds.create"], async () => {
    const world = await connectedDojo();
    const { db, dojo, admin } = world;
    const { order, sessionId, gi } = await cardOrder(world);
    expect((await submitCheckoutForm(sessionId, { card_number: "4242424242424242" })).status).toBeLessThan(400);

    expect(await confirmOrderReturn(db, dojo.id, order.id, sessionId)).toMatchObject({ kind: "paid", recorded: true, payUrl: null });
    expect(await confirmOrderReturn(db, dojo.id, order.id, sessionId)).toMatchObject({ kind: "paid", recorded: false });
    const paid = await orderState(order.id);
    expect(paid.order).toMatchObject({ status: "paid", stripePaymentIntentId: expect.stringMatching(/^pi_/) });
    expect(paid.invoice).toMatchObject({ source: "webshop", status: "paid", totalMinor: 10_200 });
    expect(paid.payments).toHaveLength(1);
    expect(await stockOf(gi.id)).toBe(3);

    await cancelOrder(db, dojo.id, order.id, world.ctx.user.id);
    const refunds = await admin.refunds.list({ payment_intent: paid.order.stripePaymentIntentId! });
    expect(refunds.data).toEqual([expect.objectContaining({ amount: 10_200, status: "succeeded", metadata: { tatami_dojo_id: dojo.id, tatami_order_id: order.id } })]);
    expect((await orderState(order.id)).order).toMatchObject({ status: "cancelled", refundedMinor: 10_200 });
    expect(await stockOf(gi.id)).toBe(5);
  });
});
