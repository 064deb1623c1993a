import { and, eq, like } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { invoiceCounters, invoices, jobs, members, shopOrders } from "@/db/schema";
import { confirmOrderAction } from "@/app/(staff)/webshop/actions";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { runDueJobs } from "@/lib/jobs/worker";
import { RESERVATION_EXPIRED_REASON } from "@/lib/shop/at-dojo-orders";
import { ORDER_LIMITS } from "@/lib/shop/order-limits";
import { useClientIp } from "../support/client-ip";
import { createMember, signedInDojo, signInAsMember, signInAsStaff } from "../support/factories";
import { createProduct, openShop, orderState, stockOf } from "../support/shop";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

// The attack of issue 15: anonymous "pay at the dojo" orders, fired from one address, held all
// of a product, used up gapless invoice numbers, created members and mailed anyone.

const DAY = 24 * 60 * 60 * 1000;
const order = (slug: string, productId: string, email: string, quantity = 1) =>
  placeShopOrderAction({ slug, name: "Flood Buyer", email, phone: "+386 40 123 456", payment: "at_dojo", items: [{ productId, quantity }] });

async function shopWithGi(stock: number) {
  const { dojo, user } = await signedInDojo({ plan: "basic" });
  await openShop(dojo.id, { cardPayments: false });
  const gi = await createProduct(dojo, { stock });
  return { dojo, user, gi };
}

const ordersOf = async (dojoId: string) => (await getDb()).select().from(shopOrders).where(eq(shopOrders.dojoId, dojoId));
const invoicesOf = async (dojoId: string) => (await getDb()).select().from(invoices).where(eq(invoices.dojoId, dojoId));
const countersOf = async (dojoId: string) => (await getDb()).select().from(invoiceCounters).where(eq(invoiceCounters.dojoId, dojoId));
const membersOf = async (dojoId: string) => (await getDb()).select().from(members).where(eq(members.dojoId, dojoId));
const buyerMails = async (dojoId: string) => (await getDb()).select().from(jobs).where(and(eq(jobs.dojoId, dojoId), eq(jobs.kind, "mail.shop-order-confirmation")));

describe("webshop orders under attack", () => {
  it("20 anonymous pay-at-the-dojo orders at once from one address: the address limit stops them, no invoice number or member is used", async () => {
    const { dojo, gi } = await shopWithGi(40);
    useClientIp("198.51.100.66");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => order(dojo.slug, gi.id, `victim-${i}@example.test`)));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(ORDER_LIMITS.address.capacity);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many orders from your network\. Please try again in \d+ minutes?\.$/) });
    // Refused orders wrote nothing; accepted ones hold stock but have no invoice, no number and no member yet.
    expect(await ordersOf(dojo.id)).toHaveLength(ORDER_LIMITS.address.capacity);
    expect(await stockOf(gi.id)).toBe(40 - ORDER_LIMITS.address.capacity);
    expect(await invoicesOf(dojo.id)).toEqual([]);
    expect(await countersOf(dojo.id)).toEqual([]);
    expect(await membersOf(dojo.id)).toEqual([]);
    // Another address still orders (a real buyer is not locked out by the flood).
    useClientIp("198.51.100.67");
    expect(await order(dojo.slug, gi.id, "real-buyer@example.test")).toMatchObject({ ok: true });
    useClientIp(null);
  });

  it("one e-mail address: three orders, then refused next to the e-mail field, whatever the address", async () => {
    const { dojo, gi } = await shopWithGi(10);
    for (let i = 0; i < ORDER_LIMITS.email.capacity; i++) expect(await order(dojo.slug, gi.id, "Same@Example.test")).toMatchObject({ ok: true });
    expect(await order(dojo.slug, gi.id, "same@example.TEST")).toMatchObject({ ok: false, error: expect.stringContaining("Too many orders for this e-mail address"), fieldErrors: { email: [expect.any(String)] } });
    expect(await ordersOf(dojo.id)).toHaveLength(ORDER_LIMITS.email.capacity);
  });

  it("a signed-in member is limited by e-mail, not by the address they share with the dojo", async () => {
    const { dojo, gi } = await shopWithGi(20);
    useClientIp("198.51.100.70");
    for (let i = 0; i < ORDER_LIMITS.address.capacity; i++) expect(await order(dojo.slug, gi.id, `walk-in-${i}@example.test`)).toMatchObject({ ok: true });
    expect(await order(dojo.slug, gi.id, "walk-in-x@example.test")).toMatchObject({ ok: false });
    signInAsMember(await createMember(dojo.id));
    expect(await order(dojo.slug, gi.id, "member@example.test")).toMatchObject({ ok: true });
    useClientIp(null);
  });

  it("the buyer's confirmation goes to one address at most once in 5 minutes; the owner still hears of every order", async () => {
    const { dojo, gi } = await shopWithGi(10);
    for (let i = 0; i < 3; i++) expect(await order(dojo.slug, gi.id, "mailbox@example.test")).toMatchObject({ ok: true });
    expect(await buyerMails(dojo.id)).toHaveLength(1);
    const notices = await (await getDb()).select().from(jobs).where(and(eq(jobs.dojoId, dojo.id), like(jobs.kind, "mail.shop-order-notification")));
    expect(notices).toHaveLength(3);
  });

  it("an unconfirmed reservation ends after the dojo's days: the job cancels it and the stock returns; a confirmed order keeps its items and gets the first invoice number", async () => {
    const { dojo, user, gi } = await shopWithGi(5);
    await openShop(dojo.id, { cardPayments: false, reservationDays: 2 });
    const placed = await Promise.all(["a", "b", "c", "d", "e"].map((n) => order(dojo.slug, gi.id, `${n}@example.test`)));
    const ids = placed.map((r) => (r.ok ? r.data.orderId : ""));
    expect(ids.every(Boolean)).toBe(true);
    // Sold out: a real buyer is told so while the reservations run.
    expect(await order(dojo.slug, gi.id, "late@example.test")).toMatchObject({ ok: false, error: `"Gi" is sold out.` });
    const [first] = await ordersOf(dojo.id);
    expect(first.reservedUntil!.getTime() - first.createdAt.getTime()).toBeGreaterThan(2 * DAY - 60_000);
    expect(first.reservedUntil!.getTime() - first.createdAt.getTime()).toBeLessThan(2 * DAY + 60_000);

    signInAsStaff(user);
    expect(await confirmOrderAction({ id: ids[2] })).toMatchObject({ ok: true });
    expect((await orderState(ids[2])).invoice).toMatchObject({ number: `${new Date().getUTCFullYear()}-0001`, status: "open" });

    const db = await getDb();
    // A day later nothing has ended yet.
    await runDueJobs(db, { now: new Date(Date.now() + DAY), lane: "other" });
    expect(await stockOf(gi.id)).toBe(0);
    // After the two days, the four unconfirmed orders are cancelled and their items are back.
    await runDueJobs(db, { now: new Date(Date.now() + 2 * DAY + 60_000), lane: "other" });
    expect(await stockOf(gi.id)).toBe(4);
    for (const id of ids) {
      const { order: o } = await orderState(id);
      if (id === ids[2]) expect(o).toMatchObject({ status: "pending", stockTaken: true, cancelledAt: null });
      else expect(o).toMatchObject({ status: "cancelled", stockTaken: false, cancelReason: RESERVATION_EXPIRED_REASON, invoiceId: null });
    }
    // Only the confirmed order used an invoice number.
    expect((await invoicesOf(dojo.id)).map((i) => i.number)).toEqual([`${new Date().getUTCFullYear()}-0001`]);
    // Running the jobs again changes nothing (the job is done; a repeat finds nothing to expire).
    await runDueJobs(db, { now: new Date(Date.now() + 3 * DAY), lane: "other" });
    expect(await stockOf(gi.id)).toBe(4);
  });

  it("the reservation days are a shop setting between 1 and 30", async () => {
    const { saveShopSettingsAction } = await import("@/app/(staff)/webshop/actions");
    await shopWithGi(1);
    const values = { enabled: true, title: "Shop", intro: "", cardPayments: false, payAtDojo: true };
    expect(await saveShopSettingsAction({ ...values, reservationDays: 0 })).toMatchObject({ ok: false, fieldErrors: { reservationDays: ["Hold orders for at least 1 day"] } });
    expect(await saveShopSettingsAction({ ...values, reservationDays: 31 })).toMatchObject({ ok: false, fieldErrors: { reservationDays: ["Hold orders for at most 30 days"] } });
    expect(await saveShopSettingsAction({ ...values, reservationDays: "7" as unknown as number })).toMatchObject({ ok: true });
  });
});
