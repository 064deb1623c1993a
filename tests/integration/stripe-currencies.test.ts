import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { members, shopOrders } from "@/db/schema";
import { chargeSavedCardAction, openInvoiceCheckoutAction } from "@/app/(staff)/invoices/[id]/card-actions";
import { recordPaymentAction } from "@/app/(staff)/invoices/actions";
import { openMemberCheckoutAction } from "@/app/portal/(member)/card-actions";
import { connectStripeAccount } from "@/app/(staff)/settings/stripe/actions";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { newSecretKey } from "@tatami/stripe-emulator/test-support";
import { signupSchema } from "@/lib/dojos/signup";
import { CURRENCIES } from "@/lib/money";
import { translator } from "@/lib/i18n/messages";
import { validationText } from "@/lib/validation/message-key";
import { stripeChargeLimits } from "@/lib/payments/card/charge-limits";
import { dojoWithStripe, openInvoiceFor, paymentState } from "../support/card-payment";
import { actAs, signedInDojo, signInAsMember } from "../support/factories";
import { createProduct, openShop } from "../support/shop";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

// Problem 6 and 9d of issue 13: only currencies Stripe processes are offered, and an amount
// under Stripe's minimum charge never reaches Checkout or a saved card.

describe("currencies Stripe processes", () => {
  it("offers no currency Stripe stopped processing (HRK, BGN)", () => {
    expect(CURRENCIES).not.toContain("HRK");
    expect(CURRENCIES).not.toContain("BGN");
  });

  it.each(["HRK", "BGN"])("Settings → Stripe refuses %s with a message next to the currency", async (currency) => {
    await signedInDojo({ plan: "ultimate" });
    const secretKey = newSecretKey("hrk");
    const result = await connectStripeAccount({ publishableKey: secretKey.replace(/^sk_/, "pk_"), secretKey, currency, attempt: randomUUID() });
    expect(result).toMatchObject({ ok: false, fieldErrors: { currency: [expect.stringContaining(`Stripe does not take payments in ${currency}`)] } });
  });

  it("a new dojo cannot choose a currency Stripe does not process", () => {
    const parsed = signupSchema.safeParse({ dojoName: "Zagreb Judo", slug: "zagreb-judo", currency: "HRK", ownerName: "Ana", email: "ana@example.test", password: "long enough password" });
    expect(parsed.success).toBe(false);
    expect(validationText(parsed.error!.flatten().fieldErrors.currency![0], translator("en", "validation"))).toContain("Stripe does not take payments in HRK");
  });

  // The app's limits are Stripe's: each offered currency opens Checkout at its minimum and is
  // refused one minor unit below, by the emulator that answers as Stripe does.
  it.each(CURRENCIES.map((c) => [c]))("%s: the app's minimum is Stripe's", async (currency) => {
    const { dojo, stripe } = await dojoWithStripe({ currency });
    const { min } = stripeChargeLimits(currency);
    const item = (amount: number) => ({ quantity: 1, price_data: { currency: currency.toLowerCase(), unit_amount: amount, product_data: { name: "Lesson" } } });
    const session = await stripe.checkout.sessions.create({ mode: "payment", line_items: [item(min)], success_url: "https://x" });
    expect(session.amount_total).toBe(min);
    if (min > 1) {
      await expect(stripe.checkout.sessions.create({ mode: "payment", line_items: [item(min - 1)], success_url: "https://x" })).rejects.toMatchObject({ code: "amount_too_small" });
    }
    expect(dojo.currency).toBe(currency);
  });
});

describe("amounts under Stripe's minimum charge", () => {
  it("the desk and the members area say so before opening Checkout; nothing reaches Stripe", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    // 2 × 0.20 = €0.40 open, under Stripe's €0.50.
    const { member, invoice } = await openInvoiceFor(dojo, { unitPrice: "0.20" });
    const refused = { ok: false, error: "Card payments start at €0.50 (Stripe's minimum in EUR); this invoice has €0.40 open. Record the payment another way." };
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toEqual(refused);
    signInAsMember(member);
    expect(await openMemberCheckoutAction({ invoiceId: invoice.id })).toEqual(refused);
    expect((await paymentState(invoice.id)).checkouts).toEqual([]);
    expect((await stripe.checkout.sessions.list({ limit: 10 })).data).toEqual([]);
  });

  it("charging a saved card is refused the same way, before Stripe is asked", async () => {
    const { dojo, stripe, signInOwner } = await dojoWithStripe({ currency: "GBP" });
    const { member, invoice } = await openInvoiceFor(dojo, { unitPrice: "0.10" });
    const customer = await stripe.customers.create({ email: member.email! });
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
    await (await getDb()).update(members).set({ stripeCustomerId: customer.id }).where(eq(members.id, member.id));
    signInOwner();
    expect(await chargeSavedCardAction({ invoiceId: invoice.id })).toEqual({
      ok: false,
      error: "Card payments start at £0.30 (Stripe's minimum in GBP); this invoice has £0.20 open. Record the payment another way.",
    });
    expect((await stripe.paymentIntents.list({ limit: 10 })).data).toEqual([]);
    expect((await paymentState(invoice.id)).checkouts).toEqual([]);
  });

  it("the shop refuses a card order under the minimum before placing it; paying at the dojo still works", async () => {
    const { dojo, stripe } = await dojoWithStripe();
    await openShop(dojo.id);
    const patch = await createProduct(dojo, { name: "Patch", priceMinor: 40, stock: 10 });
    actAs(null);
    const who = { name: "Buyer", email: `buyer-${Date.now()}@example.test`, phone: "+386 40 123 456" };
    const card = await placeShopOrderAction({ slug: dojo.slug, ...who, payment: "card", items: [{ productId: patch.id, quantity: 1 }] });
    expect(card).toMatchObject({ ok: false, error: "Card payments start at €0.50; this order is €0.40. Please add to your order. Or choose to pay at the dojo." });
    expect(await (await getDb()).select().from(shopOrders).where(eq(shopOrders.dojoId, dojo.id))).toEqual([]);
    expect((await stripe.checkout.sessions.list({ limit: 10 })).data).toEqual([]);

    expect(await placeShopOrderAction({ slug: dojo.slug, ...who, payment: "at_dojo", items: [{ productId: patch.id, quantity: 1 }] })).toMatchObject({ ok: true });
    // Two patches reach the minimum.
    const two = await placeShopOrderAction({ slug: dojo.slug, ...who, payment: "card", items: [{ productId: patch.id, quantity: 2 }] });
    expect(two).toMatchObject({ ok: true, data: { redirectUrl: expect.stringContaining("/c/pay/cs_test_") } });
  });

  it("the minimum is checked on what is still open, so a part-paid invoice can drop under it", async () => {
    const { dojo, signInOwner } = await dojoWithStripe();
    const { invoice } = await openInvoiceFor(dojo);
    signInOwner();
    expect(await recordPaymentAction({ invoiceId: invoice.id, method: "cash", amount: "49.70", paidOn: "2026-01-15" })).toMatchObject({ ok: true });
    expect(await openInvoiceCheckoutAction({ invoiceId: invoice.id })).toMatchObject({ ok: false, error: expect.stringContaining("this invoice has €0.30 open") });
  });
});
