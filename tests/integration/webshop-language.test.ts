import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { dojos, shopOrders } from "@/db/schema";
import ShopLayout from "@/app/shop/[dojo]/layout";
import ShopPage from "@/app/shop/[dojo]/page";
import OrderPage from "@/app/shop/[dojo]/orders/[id]/page";
import { chooseShopLanguageAction, placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import { submitCheckoutForm } from "@tatami/stripe-emulator/test-support";
import { LANGUAGE_COOKIE } from "@/lib/i18n/language-cookie";
import { ORDER_CANCEL_REASONS } from "@/lib/shop/cancel-reasons";
import { confirmOrderReturn } from "@/lib/shop/settle-card-order";
import { dojoWithStripe, inboxFor } from "../support/card-payment";
import { actAs, createMember, signInAsMember } from "../support/factories";
import { createProduct, openShop, sessionIdFromUrl } from "../support/shop";

vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

// The browser's cookies as the shop reads and the picker's action writes them.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
  }),
  headers: async () => new Headers(),
}));

const params = (slug: string) => Promise.resolve({ dojo: slug });
const buyer = (n: string) => ({ name: `Buyer ${n}`, email: `buyer-${n}-${Date.now()}@example.test`, phone: "+33 6 12 34 56 78" });

async function shopHtml(slug: string): Promise<string> {
  const page = await ShopPage({ params: params(slug) });
  return renderToStaticMarkup(await ShopLayout({ children: page, params: params(slug) }));
}

async function dutchShop() {
  const { dojo, owner, stripe } = await dojoWithStripe();
  await (await getDb()).update(dojos).set({ defaultLanguage: "nl" }).where(eq(dojos.id, dojo.id));
  await openShop(dojo.id, { title: null });
  const gi = await createProduct(dojo, { name: "Gi", priceMinor: 123450, stock: 5 });
  actAs(null);
  jar.clear();
  return { dojo, owner, stripe, gi };
}

describe("the webshop in the visitor's language", () => {
  it("speaks the dojo's language and writes its money the Dutch way", async () => {
    const { dojo } = await dutchShop();
    const html = await shopHtml(dojo.slug);
    expect(html).toContain('lang="nl"');
    expect(html).toContain(`Winkel van ${dojo.name}`);
    expect(html).toContain("In winkelwagen");
    expect(html).toContain("Winkelwagen");
    expect(html).toMatch(/€\s1\.234,50/);
    expect(html).not.toContain("Add to cart");
    expect(html).not.toContain("€1,234.50");
  });

  it("switches with the picker's cookie, and takes a signed-in member's language without one", async () => {
    const { dojo } = await dutchShop();
    expect(await chooseShopLanguageAction({ locale: "fr" })).toEqual({ ok: true, data: { locale: "fr" } });
    expect(jar.get(LANGUAGE_COOKIE)).toBe("fr");
    const french = await shopHtml(dojo.slug);
    expect(french).toContain("Ajouter au panier");
    expect(french).toMatch(/1\s234,50\s€/);
    expect(french).not.toContain("In winkelwagen");
    // Only the four languages: the cookie is never set to anything else.
    expect(await chooseShopLanguageAction({ locale: "xx" as "fr" })).toMatchObject({ ok: false });
    expect(jar.get(LANGUAGE_COOKIE)).toBe("fr");

    jar.clear();
    const member = await createMember(dojo.id, { language: "de" });
    signInAsMember(member);
    expect(await shopHtml(dojo.slug)).toContain("In den Warenkorb");
    jar.set(LANGUAGE_COOKIE, "en");
    expect(await shopHtml(dojo.slug)).toContain("Add to cart");
  });

  it("keeps the language a card order was placed in: Stripe's page, the buyer's mail and the order page", async () => {
    const { dojo, owner, stripe, gi } = await dutchShop();
    const who = buyer("fr");
    const placed = await placeShopOrderAction({ slug: dojo.slug, ...who, payment: "card", locale: "fr", items: [{ productId: gi.id, quantity: 1 }] });
    if (!placed.ok) throw new Error(placed.error);
    const [order] = await (await getDb()).select().from(shopOrders).where(eq(shopOrders.id, placed.data.orderId));
    expect(order.language).toBe("fr");

    const sessionId = sessionIdFromUrl(placed.data.redirectUrl);
    expect((await stripe.checkout.sessions.retrieve(sessionId)).locale).toBe("fr");
    await submitCheckoutForm(sessionId, { card_number: "4242424242424242" });
    expect(await confirmOrderReturn(await getDb(), dojo.id, order.id, sessionId)).toMatchObject({ kind: "paid" });

    const [mail] = await inboxFor(who.email);
    expect(mail.subject).toMatch(/^Commande n° 1 payée : 1\s234,50\s€$/);
    expect(mail.html).toContain('lang="fr"');
    expect(mail.text).toContain("a bien reçu votre paiement par carte pour la commande n° 1");
    // The owner's notice follows the dojo's language (until staff choose their own).
    const [notice] = await inboxFor(owner.email);
    expect(notice.subject).toMatch(/^Nieuwe webshopbestelling #1 \(€\s1\.234,50\)$/);

    // The order page (a browser without the picker's cookie) in the order's language.
    const html = renderToStaticMarkup(await OrderPage({ params: Promise.resolve({ dojo: dojo.slug, id: order.id }) }));
    expect(html).toContain("Merci ! Votre commande est payée.");
    expect(html).toMatch(/1\s234,50\s€/);
  });

  it("shows a German order placed at the dojo in German, with its date and, once cancelled, the reason", async () => {
    const { dojo, gi } = await dutchShop();
    const placed = await placeShopOrderAction({ slug: dojo.slug, ...buyer("de"), payment: "at_dojo", locale: "de", items: [{ productId: gi.id, quantity: 2 }] });
    if (!placed.ok) throw new Error(placed.error);
    const render = async () => renderToStaticMarkup(await OrderPage({ params: Promise.resolve({ dojo: dojo.slug, id: placed.data.orderId }) }));
    const held = await render();
    expect(held).toContain("Vielen Dank! Ihre Bestellung ist aufgegeben.");
    expect(held).toMatch(/reserviert Ihre Artikel bis \d{1,2}\. \S+ \d{4}\. Bitte bezahlen Sie 2\.469,00\s€/);

    await (await getDb()).update(shopOrders).set({ status: "cancelled", cancelReason: ORDER_CANCEL_REASONS.byDojo }).where(eq(shopOrders.id, placed.data.orderId));
    const cancelled = await render();
    expect(cancelled).toContain("Diese Bestellung wurde storniert.");
    expect(cancelled).toContain("Vom Dojo storniert.");
  });

  it("tells the buyer what went wrong in the language of the page", async () => {
    const { dojo, gi } = await dutchShop();
    const noPayment = await placeShopOrderAction({ slug: dojo.slug, ...buyer("nl"), payment: undefined as never, locale: "nl", items: [{ productId: gi.id, quantity: 1 }] });
    expect(noPayment).toEqual({ ok: false, error: "Verbeter de gemarkeerde velden.", fieldErrors: { payment: ["Kies hoe je betaalt"] } });

    const tooMany = await placeShopOrderAction({ slug: dojo.slug, ...buyer("de"), payment: "at_dojo", locale: "de", items: [{ productId: gi.id, quantity: 9 }] });
    expect(tooMany).toEqual({ ok: false, error: "Nur noch 5 von „Gi“ übrig. Bitte verringern Sie die Menge." });

    // Without the page's language (an older page), the dojo's.
    const { locale: _none, ...english } = { locale: null, slug: dojo.slug, ...buyer("x"), payment: "at_dojo" as const, items: [{ productId: gi.id, quantity: 9 }] };
    expect(await placeShopOrderAction(english)).toEqual({ ok: false, error: "Nog maar 5 van \"Gi\" over. Verlaag het aantal." });
  });
});
