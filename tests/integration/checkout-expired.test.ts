import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { cardCheckouts } from "@/db/schema";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { control } from "@tatami/stripe-emulator/test-support";
import { stripeFor } from "@/lib/stripe/client";
import { dispatchEvent } from "@/lib/stripe/webhooks/dispatch";
import { EXPIRED_ORDER_REASON } from "@/lib/shop/expire-card-order";
import { publicProduct } from "@/lib/shop/public-shop";
import { dojoWithStripe, forwardWebhooks, openInvoiceFor, sessionIdOf, webhookEvent } from "../support/card-payment";
import { actAs, signInAsStaff } from "../support/factories";
import { createProduct, openShop, orderState, sessionIdFromUrl, stockOf } from "../support/shop";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

const buyer = (n: number) => ({ name: `Buyer ${n}`, email: `expiry-${n}-${Date.now()}@example.test`, phone: "+386 40 123 456" });
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe("checkout.session.expired", () => {
  it("a webshop card order nobody paid: Stripe expires its session, the order is cancelled and its items go back on sale, once", async () => {
    const { dojo, stripe, secretKey } = await dojoWithStripe();
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { name: "Gi", stock: 1 });
    const webhooks = await forwardWebhooks(dojo.id, stripe);
    try {
      actAs(null);
      const placed = await placeShopOrderAction({ slug: dojo.slug, ...buyer(1), payment: "card", items: [{ productId: gi.id, quantity: 1 }] });
      if (!placed.ok) throw new Error(placed.error);
      const sessionId = sessionIdFromUrl(placed.data.redirectUrl);
      // The only Gi is held for the first buyer's Checkout.
      expect(await placeShopOrderAction({ slug: dojo.slug, ...buyer(2), payment: "card", items: [{ productId: gi.id, quantity: 1 }] })).toMatchObject({ ok: false, error: `"Gi" is sold out.` });
      expect((await publicProduct(await getDb(), dojo.id, gi.id))?.available).toBe(0);

      // The buyer walks away; an hour later Stripe has expired the session by itself.
      expect(await control("checkout/expire-due", { apiKey: secretKey, asOf: inAnHour() })).toEqual({ expired: [sessionId] });
      await webhooks.waitFor((a) => a.some((x) => x.type === "checkout.session.expired"));
      expect(webhooks.answers.filter((x) => x.type === "checkout.session.expired")).toEqual([{ type: "checkout.session.expired", status: 200, result: "processed" }]);

      const { order, invoice, payments } = await orderState(placed.data.orderId);
      expect(order).toMatchObject({ status: "cancelled", cancelReason: EXPIRED_ORDER_REASON, reservedUntil: null, stockTaken: false });
      expect(invoice).toBeNull();
      expect(payments).toEqual([]);
      expect(await stockOf(gi.id)).toBe(1);
      expect((await publicProduct(await getDb(), dojo.id, gi.id))?.available).toBe(1);

      // A redelivery (or reconciliation) changes nothing more; the next buyer gets the Gi.
      const event = await webhookEvent(stripe, "checkout.session.expired", sessionId);
      const db = await getDb();
      expect(await dispatchEvent(db, dojo.id, stripeFor(secretKey), event)).toBe("duplicate");
      expect(await placeShopOrderAction({ slug: dojo.slug, ...buyer(3), payment: "card", items: [{ productId: gi.id, quantity: 1 }] })).toMatchObject({ ok: true });
    } finally {
      await webhooks.close();
    }
  });

  it("an invoice's Checkout Session that expired marks its card checkout expired, once", async () => {
    const { dojo, owner, stripe, secretKey } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    signInAsStaff(owner);
    const opened = await openInvoiceCheckoutAction({ invoiceId: invoice.id });
    if (!opened.ok) throw new Error(opened.error);
    const sessionId = sessionIdOf(opened.data.clientSecret);
    const webhooks = await forwardWebhooks(dojo.id, stripe);
    try {
      await stripe.checkout.sessions.expire(sessionId);
      await webhooks.waitFor((a) => a.some((x) => x.type === "checkout.session.expired"));
      expect(webhooks.answers.filter((x) => x.type === "checkout.session.expired")).toEqual([{ type: "checkout.session.expired", status: 200, result: "processed" }]);
      const db = await getDb();
      const [checkout] = await db.select().from(cardCheckouts).where(eq(cardCheckouts.stripeSessionId, sessionId));
      expect(checkout.expiredAt).toBeInstanceOf(Date);
      // No longer the invoice's open session: the next "Pay by card" opens a new one.
      expect(checkout.status).toBe("closed");
      const again = await openInvoiceCheckoutAction({ invoiceId: invoice.id });
      expect(again.ok && sessionIdOf(again.data.clientSecret)).not.toBe(sessionId);
      // Processed once: the same event applied again (as a reconciliation would) is a duplicate.
      const event = await webhookEvent(stripe, "checkout.session.expired", sessionId);
      expect(await dispatchEvent(db, dojo.id, stripeFor(secretKey), event)).toBe("duplicate");
    } finally {
      await webhooks.close();
    }
  });
});
