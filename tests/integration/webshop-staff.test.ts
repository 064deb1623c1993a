import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { ledgerEntries, shopProducts } from "@/db/schema";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { cancelOrderAction, confirmOrderAction, fulfilOrderAction, saveProductAction, saveShopSettingsAction } from "@/app/(staff)/webshop/actions";
import { GET } from "@/app/shop-images/[id]/route";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { recordPaymentAction } from "@/app/(staff)/invoices/actions";
import { listOrders } from "@/lib/shop/orders";
import { confirmOrderReturn } from "@/lib/shop/settle-card-order";
import { dojoWithStripe } from "../support/card-payment";
import { createStaff, signedInDojo, signInAsStaff } from "../support/factories";
import { createProduct, openShop, orderState, sessionIdFromUrl, stockOf } from "../support/shop";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const buyer = { name: "Bea Buyer", email: "bea@example.test", phone: "+386 40 111 222" };

function productForm(fields: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [key, value] of Object.entries({ name: "Gi", price: "45.00", stock: "5", category: "", description: "", active: "on", ...fields })) form.set(key, value);
  return form;
}

describe("webshop staff", () => {
  it("adds a product with a checked picture; a fake or oversized picture is refused next to the field", async () => {
    const { dojo } = await signedInDojo();
    const saved = await saveProductAction(productForm({ image: new File([PNG], "gi.png", { type: "image/png" }) }));
    expect(saved).toMatchObject({ ok: true });
    const db = await getDb();
    const [product] = await db.select().from(shopProducts).where(eq(shopProducts.dojoId, dojo.id));
    expect(product).toMatchObject({ name: "Gi", priceMinor: 4500, stock: 5, imageType: "image/png", active: true });
    const served = await GET(new Request("http://localhost/x"), { params: Promise.resolve({ id: product.id }) });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);

    expect(await saveProductAction(productForm({ image: new File(["<svg/>"], "x.png", { type: "image/png" }) }))).toMatchObject({ ok: false, fieldErrors: { image: ["Use a PNG, JPEG or WebP picture."] } });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG);
    expect(await saveProductAction(productForm({ image: new File([big], "big.png", { type: "image/png" }) }))).toMatchObject({ ok: false, fieldErrors: { image: [expect.stringContaining("larger than 2 MB")] } });
    expect(await saveProductAction(productForm({ price: "4.555" }))).toMatchObject({ ok: false, fieldErrors: { price: [expect.any(String)] } });
    expect(await saveProductAction(productForm({ stock: "-1" }))).toMatchObject({ ok: false, fieldErrors: { stock: [expect.any(String)] } });

    // Another dojo's staff cannot edit it.
    await signedInDojo();
    expect(await saveProductAction(productForm({ id: product.id, name: "Stolen" }))).toMatchObject({ ok: false, error: "Product was not found." });
  });

  it("card payments can only be switched on with the plan and Stripe connected", async () => {
    await signedInDojo({ plan: "basic" });
    const values = { enabled: true, title: "Shop", intro: "", cardPayments: true, payAtDojo: true };
    expect(await saveShopSettingsAction(values)).toMatchObject({ ok: false, fieldErrors: { cardPayments: [expect.stringContaining("Ultimate")] } });
    await signedInDojo({ plan: "ultimate" });
    expect(await saveShopSettingsAction(values)).toMatchObject({ ok: false, fieldErrors: { cardPayments: [expect.stringContaining("Connect Stripe")] } });
    await dojoWithStripe();
    expect(await saveShopSettingsAction(values)).toMatchObject({ ok: true });
  });

  it("cancelling a paid card order refunds it through Stripe once, books the refund and returns the stock", async () => {
    const { dojo, stripe, signInOwner } = await dojoWithStripe();
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { stock: 3 });
    const placed = await placeShopOrderAction({ slug: dojo.slug, ...buyer, payment: "card", items: [{ productId: gi.id, quantity: 2 }] });
    if (!placed.ok) throw new Error(placed.error);
    const sessionId = sessionIdFromUrl(placed.data.redirectUrl);
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" });
    const db = await getDb();
    await confirmOrderReturn(db, dojo.id, placed.data.orderId, sessionId);
    expect(await stockOf(gi.id)).toBe(1);

    // The staff role may run the shop but not give money back.
    signInAsStaff(await createStaff(dojo.id, "staff"));
    expect(await cancelOrderAction({ id: placed.data.orderId })).toMatchObject({ ok: false, error: expect.stringContaining("only an owner or manager") });
    expect(await stockOf(gi.id)).toBe(1);

    signInOwner();
    const [first, second] = await Promise.all([cancelOrderAction({ id: placed.data.orderId }), cancelOrderAction({ id: placed.data.orderId })]);
    expect(first).toMatchObject({ ok: true, data: { status: "cancelled", refundedMinor: 9000 } });
    expect(second).toMatchObject({ ok: true, data: { status: "cancelled" } });
    const state = await orderState(placed.data.orderId);
    expect(state.order).toMatchObject({ status: "cancelled", refundedMinor: 9000 });
    expect(state.invoice).toMatchObject({ status: "paid", refundedMinor: 9000 });
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.invoiceId, state.invoice!.id));
    expect(entries.map((e) => e.amountMinor).sort((a, b) => a - b)).toEqual([-9000, 9000]);
    expect(await stockOf(gi.id)).toBe(3);
    const pi = (await stripe.checkout.sessions.retrieve(sessionId)).payment_intent as string;
    expect((await stripe.refunds.list({ payment_intent: pi })).data).toHaveLength(1);
    expect(await fulfilOrderAction({ id: placed.data.orderId })).toMatchObject({ ok: false });
  });

  it("cancelling a pay-at-the-dojo order voids its invoice and returns the stock; confirming issues the invoice; fulfilling marks it handed over", async () => {
    const { dojo, user } = await signedInDojo({ plan: "basic" });
    await openShop(dojo.id, { cardPayments: false });
    const gi = await createProduct(dojo, { stock: 3 });
    const one = await placeShopOrderAction({ slug: dojo.slug, ...buyer, payment: "at_dojo", items: [{ productId: gi.id, quantity: 1 }] });
    const two = await placeShopOrderAction({ slug: dojo.slug, ...buyer, payment: "at_dojo", items: [{ productId: gi.id, quantity: 1 }] });
    const three = await placeShopOrderAction({ slug: dojo.slug, ...buyer, payment: "at_dojo", items: [{ productId: gi.id, quantity: 1 }] });
    if (!one.ok || !two.ok || !three.ok) throw new Error("ordering failed");
    expect(await stockOf(gi.id)).toBe(0);
    signInAsStaff(user);
    // Confirmed, then cancelled: the invoice it got is voided.
    expect(await confirmOrderAction({ id: one.data.orderId })).toMatchObject({ ok: true, data: { status: "pending", invoiceId: expect.any(String) } });
    expect(await cancelOrderAction({ id: one.data.orderId })).toMatchObject({ ok: true, data: { status: "cancelled" } });
    expect((await orderState(one.data.orderId)).invoice).toMatchObject({ status: "void" });
    expect(await stockOf(gi.id)).toBe(1);
    // Cancelled before anyone confirmed it: there never was an invoice.
    expect(await cancelOrderAction({ id: three.data.orderId })).toMatchObject({ ok: true, data: { status: "cancelled" } });
    expect((await orderState(three.data.orderId)).invoice).toBeNull();
    expect(await stockOf(gi.id)).toBe(2);
    expect(await confirmOrderAction({ id: three.data.orderId })).toMatchObject({ ok: false, error: "This order was cancelled; it can no longer be confirmed." });
    // Paid at the desk through the invoice: the order follows.
    expect(await confirmOrderAction({ id: two.data.orderId })).toMatchObject({ ok: true });
    // Confirming twice changes nothing (a second click, a second tab).
    const confirmedInvoice = (await orderState(two.data.orderId)).invoice!;
    expect(await confirmOrderAction({ id: two.data.orderId })).toMatchObject({ ok: true, data: { invoiceId: confirmedInvoice.id } });
    const invoiceId = confirmedInvoice.id;
    expect(await recordPaymentAction({ invoiceId, method: "cash", amount: "45.00", paidOn: new Date().toISOString().slice(0, 10), reference: "" })).toMatchObject({ ok: true });
    const db = await getDb();
    expect((await listOrders(db, dojo.id, { status: "paid" })).rows.map((o) => o.id)).toEqual([two.data.orderId]);
    expect(await fulfilOrderAction({ id: two.data.orderId })).toMatchObject({ ok: true, data: { status: "fulfilled" } });

    // Another dojo's staff finds nothing.
    await signedInDojo();
    expect(await cancelOrderAction({ id: two.data.orderId })).toMatchObject({ ok: false, error: "Order was not found." });
  });

  it("cancelling a card order whose Checkout is still open expires the session, so it can no longer be paid", async () => {
    const { dojo, stripe, signInOwner } = await dojoWithStripe();
    await openShop(dojo.id);
    const gi = await createProduct(dojo, { stock: 1 });
    const placed = await placeShopOrderAction({ slug: dojo.slug, ...buyer, payment: "card", items: [{ productId: gi.id, quantity: 1 }] });
    if (!placed.ok) throw new Error(placed.error);
    signInOwner();
    expect(await cancelOrderAction({ id: placed.data.orderId })).toMatchObject({ ok: true, data: { status: "cancelled" } });
    const sessionId = sessionIdFromUrl(placed.data.redirectUrl);
    expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe("expired");
    expect(await stockOf(gi.id)).toBe(1);
    // The item is free again for the next buyer.
    expect(await placeShopOrderAction({ slug: dojo.slug, ...buyer, payment: "card", items: [{ productId: gi.id, quantity: 1 }] })).toMatchObject({ ok: true });
  });
});
