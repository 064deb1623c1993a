import Link from "next/link";
import { getDb } from "@/db/client";
import { moneyLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { formatMoney } from "@/lib/money";
import { publicProducts } from "@/lib/shop/public-shop";
import { AddToCart } from "./add-to-cart";
import { Availability } from "./availability";
import { loadShop } from "./load-shop";
import { ProductImage } from "./product-image";
import { shopLocale } from "./shop-locale";

export default async function ShopPage({ params }: { params: Promise<{ dojo: string }> }) {
  const { dojo: slug } = await params;
  const shop = await loadShop(slug);
  const products = await publicProducts(await getDb(), shop.dojo.id);
  const locale = await shopLocale(shop.dojo);
  const t = translator(locale, "shop");
  return (
    <>
      <div className="mb-6 max-w-2xl">
        <h1 className="text-2xl font-semibold tracking-tight text-stone-900 sm:text-3xl">{shop.settings.title || t("title", { dojo: shop.dojo.name })}</h1>
        {shop.settings.intro && <p className="mt-2 whitespace-pre-line text-stone-600">{shop.settings.intro}</p>}
      </div>
      {products.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-14 text-center text-stone-500">{t("nothingForSale")}</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:gap-5 md:grid-cols-3 lg:grid-cols-4">
          {products.map((p, i) => (
            <li key={p.id} className="flex flex-col rounded-xl border border-stone-200 bg-white p-2 shadow-xs sm:p-3">
              <Link href={`/shop/${slug}/products/${p.id}`} className="group block flex-1">
                <div className="relative">
                  <ProductImage product={p} sizes="(min-width: 1024px) 270px, (min-width: 768px) 33vw, 50vw" priority={i < 4} />
                  {p.available === 0 && (
                    <span className="absolute top-2 left-2">
                      <Availability available={0} />
                    </span>
                  )}
                </div>
                <div className="mt-2 px-1">
                  {p.category && <p className="text-xs tracking-wide text-stone-500 uppercase">{p.category}</p>}
                  <h2 className="line-clamp-2 text-sm font-medium text-stone-900 group-hover:text-brand-700 sm:text-base">{p.name}</h2>
                  <p className="mt-1 flex items-center justify-between gap-2">
                    <span className="font-semibold tabular-nums text-stone-900">{formatMoney(p.priceMinor, p.currency, moneyLocale(locale))}</span>
                    {p.available !== 0 && <Availability available={p.available} />}
                  </p>
                </div>
              </Link>
              <div className="mt-3">
                <AddToCart slug={slug} productId={p.id} available={p.available} compact />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
