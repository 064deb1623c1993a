import { getDb } from "@/db/client";
import { publicProducts } from "@/lib/shop/public-shop";
import { loadShop } from "../load-shop";
import { CartView } from "./cart-view";

export const metadata = { title: "Cart" };

export default async function CartPage({ params }: { params: Promise<{ dojo: string }> }) {
  const { dojo: slug } = await params;
  const shop = await loadShop(slug);
  const products = await publicProducts(await getDb(), shop.dojo.id);
  return (
    <>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Your cart</h1>
      <CartView slug={slug} products={products} currency={shop.dojo.currency} />
    </>
  );
}
