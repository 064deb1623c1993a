import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { staffUsers } from "@/db/schema";
import { placeShopOrderAction } from "@/app/shop/[dojo]/actions";
import WebshopLayout from "@/app/(staff)/webshop/layout";
import ProductsPage from "@/app/(staff)/webshop/products/page";
import OrdersPage from "@/app/(staff)/webshop/orders/page";
import OrderPage from "@/app/(staff)/webshop/orders/[id]/page";
import ShopSettingsPage from "@/app/(staff)/webshop/settings/page";
import { signedInDojo } from "../support/factories";
import { renderStaffPage } from "../support/render-staff";
import { createProduct, openShop } from "../support/shop";

vi.mock("@/lib/auth/auth", () => import("../support/authjs"));
vi.mock("next-auth", () => import("../support/authjs"));
vi.mock("@/lib/auth/client-ip", async () => (await import("../support/client-ip")).clientIpModule);

const none = Promise.resolve({});

describe("the webshop admin in Dutch", () => {
  it("a Dutch owner sees products, orders and an order in Dutch words and Dutch money; an English colleague's pages stay English", async () => {
    const { dojo, user } = await signedInDojo({ plan: "basic" });
    await openShop(dojo.id, { cardPayments: false });
    const gi = await createProduct(dojo, { name: "Gi", priceMinor: 123_450, stock: 2 });
    const placed = await placeShopOrderAction({ slug: dojo.slug, name: "Bea Buyer", email: "bea@example.test", phone: "+31 6 1234 5678", payment: "at_dojo", items: [{ productId: gi.id, quantity: 1 }] });
    if (!placed.ok) throw new Error(placed.error);

    const english = await renderStaffPage(OrdersPage({ searchParams: none }));
    expect(english).toContain("To confirm");
    expect(english).toContain("€1,234.50");

    await (await getDb()).update(staffUsers).set({ language: "nl" }).where(eq(staffUsers.id, user.id));

    const tabs = await renderStaffPage(WebshopLayout({ children: null }), "/webshop/orders");
    expect(tabs).toContain("Producten");
    expect(tabs).toContain("Winkelinstellingen");

    const products = await renderStaffPage(ProductsPage({ searchParams: none }));
    expect(products).toContain("Nieuw product");
    expect(products).toContain("Op voorraad");
    expect(products).toContain("1 product");
    // The Dutch write the sign first, a thousands dot and a decimal comma.
    expect(products).toContain("€\u00a01.234,50");
    expect(products).not.toContain("€1,234.50");

    const orders = await renderStaffPage(OrdersPage({ searchParams: none }));
    expect(orders).toContain("Bestellingen");
    expect(orders).toContain("Te bevestigen");
    expect(orders).toContain("1 bestelling met betaling in de dojo wacht.");
    expect(orders).toContain("€\u00a01.234,50");
    expect(orders).toContain("In de dojo");
    expect(orders).not.toContain("To confirm");

    const order = await renderStaffPage(OrderPage({ params: Promise.resolve({ id: placed.data.orderId }) }));
    expect(order).toContain("Bestelling #");
    expect(order).toContain("Betalen in de dojo: bevestig de bestelling om de factuur aan te maken.");
    expect(order).toContain("Aangemaakt zodra u de bestelling bevestigt");
    expect(order).toContain("Bevestigen");

    const settings = await renderStaffPage(ShopSettingsPage());
    expect(settings).toContain("Uw openbare winkel:");
    expect(settings).toContain(`/shop/${dojo.slug}</a>`);
    expect(settings).toContain("Betalen in de dojo");
  });
});
