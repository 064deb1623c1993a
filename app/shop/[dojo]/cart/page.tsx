import { getDb } from "@/db/client";
import { publicProducts } from "@/lib/shop/public-shop";
import { translator } from "@/lib/i18n/messages";
import { loadShop } from "../load-shop";
import { shopLocale } from "../shop-locale";
import { CartView } from "./cart-view";

export async function generateMetadata({ params }: { params: Promise<{ dojo: string }> }) {
  const shop = await loadShop((await params).dojo);
  return { title: translator(await shopLocale(shop.dojo), "shop")("cart") };
}

export default async function CartPage({ params }: { params: Promise<{ dojo: string }> }) {
  const { dojo: slug } = await params;
  const shop = await loadShop(slug);
  const products = await publicProducts(await getDb(), shop.dojo.id);
  const t = translator(await shopLocale(shop.dojo), "shop.cartPage");
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <CartView slug={slug} products={products} currency={shop.dojo.currency} />
    </>
  );
}
