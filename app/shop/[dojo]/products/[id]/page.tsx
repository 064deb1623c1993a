import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { getDb } from "@/db/client";
import { moneyLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { publicProduct } from "@/lib/shop/public-shop";
import { AddToCart } from "../../add-to-cart";
import { Availability } from "../../availability";
import { loadShop } from "../../load-shop";
import { ProductImage } from "../../product-image";
import { shopLocale } from "../../shop-locale";

export async function generateMetadata({ params }: { params: Promise<{ dojo: string; id: string }> }) {
  const { dojo: slug, id } = await params;
  const shop = await loadShop(slug);
  const product = await publicProduct(await getDb(), shop.dojo.id, id);
  return product ? { title: product.name } : {};
}

export default async function ProductPage({ params }: { params: Promise<{ dojo: string; id: string }> }) {
  const { dojo: slug, id } = await params;
  const shop = await loadShop(slug);
  const product = await publicProduct(await getDb(), shop.dojo.id, id);
  if (!product) notFound();
  const locale = await shopLocale(shop.dojo);
  return (
    <>
      <Link href={`/shop/${slug}`} className="mb-4 inline-flex items-center gap-1 text-sm text-stone-600 hover:text-stone-900">
        <ChevronLeft className="size-4" aria-hidden /> {translator(locale, "shop")("allProducts")}
      </Link>
      <div className="grid gap-6 md:grid-cols-2 md:gap-10">
        <ProductImage product={product} sizes="(min-width: 768px) 560px, 100vw" priority />
        <div>
          {product.category && <p className="text-sm tracking-wide text-stone-500 uppercase">{product.category}</p>}
          <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl">{product.name}</h1>
          <p className="mt-3 flex items-center gap-3">
            <span className="text-2xl font-semibold tabular-nums">{formatMoney(product.priceMinor, product.currency, moneyLocale(locale))}</span>
            <Availability available={product.available} />
          </p>
          {product.description && <p className="mt-4 whitespace-pre-line text-stone-700">{product.description}</p>}
          <div className="mt-6">
            <AddToCart slug={slug} productId={product.id} available={product.available} />
          </div>
        </div>
      </div>
    </>
  );
}
