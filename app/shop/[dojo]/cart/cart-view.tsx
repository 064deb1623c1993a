"use client";
import Link from "next/link";
import { Minus, Plus, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { moneyLocale, type Locale } from "@/lib/i18n/locales";
import { formatMoney } from "@/lib/money";
import type { PublicProduct } from "@/lib/shop/public-shop";
import { cartLines } from "../cart-lines";
import { CartProblemText } from "../cart-problem";
import { useCart } from "../cart-store";
import { ProductThumb } from "../product-thumb";

export function CartView({ slug, products, currency }: { slug: string; products: PublicProduct[]; currency: string }) {
  const t = useTranslations("shop");
  const money = moneyLocale(useLocale() as Locale);
  const { items, setQuantity } = useCart(slug);
  const { lines, gone, totalMinor, ok } = cartLines(items, products);
  if (lines.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-14 text-center">
        <p className="font-medium text-stone-800">{t("cartPage.empty")}</p>
        {gone > 0 && <p className="mt-1 text-sm text-stone-500">{t("cartPage.noLongerSold")}</p>}
        <Button asChild className="mt-4">
          <Link href={`/shop/${slug}`}>{t("cartPage.browse")}</Link>
        </Button>
      </div>
    );
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <ul className="divide-y divide-stone-100 rounded-xl border border-stone-200 bg-white">
        {lines.map(({ product, quantity, problem }) => {
          const max = product.available === null ? 99 : product.available;
          return (
            <li key={product.id} className="flex gap-3 p-3 sm:p-4">
              <ProductThumb product={product} />
              <div className="min-w-0 flex-1">
                <div className="flex items-start justify-between gap-2">
                  <Link href={`/shop/${slug}/products/${product.id}`} className="font-medium text-stone-900 hover:underline">
                    {product.name}
                  </Link>
                  <span className="font-semibold tabular-nums">{formatMoney(product.priceMinor * quantity, product.currency, money)}</span>
                </div>
                <p className="text-sm text-stone-500">{t("cartPage.each", { price: formatMoney(product.priceMinor, product.currency, money) })}</p>
                {problem && <p className="mt-1 text-sm font-medium text-red-600"><CartProblemText problem={problem} /></p>}
                <div className="mt-2 flex items-center gap-2">
                  <div className="inline-flex h-9 items-center rounded-md border border-stone-300">
                    <button type="button" className="flex h-full w-9 items-center justify-center hover:bg-stone-100 disabled:opacity-40" aria-label={t("cartPage.oneLessOf", { name: product.name })} disabled={quantity <= 1} onClick={() => setQuantity(product.id, quantity - 1)}>
                      <Minus className="size-3.5" aria-hidden />
                    </button>
                    <span className="w-8 text-center text-sm tabular-nums">{quantity}</span>
                    <button type="button" className="flex h-full w-9 items-center justify-center hover:bg-stone-100 disabled:opacity-40" aria-label={t("cartPage.oneMoreOf", { name: product.name })} disabled={quantity >= max} onClick={() => setQuantity(product.id, quantity + 1)}>
                      <Plus className="size-3.5" aria-hidden />
                    </button>
                  </div>
                  <button type="button" className="inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm text-stone-600 hover:bg-stone-100" onClick={() => setQuantity(product.id, 0)}>
                    <Trash2 className="size-4" aria-hidden /> {t("cartPage.remove")}
                  </button>
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <aside className="h-fit rounded-xl border border-stone-200 bg-white p-4">
        <div className="flex items-center justify-between text-lg font-semibold">
          <span>{t("cartPage.total")}</span>
          <span className="tabular-nums">{formatMoney(totalMinor, currency, money)}</span>
        </div>
        {gone > 0 && <p className="mt-2 text-sm text-stone-500">{t("cartPage.someGone")}</p>}
        {!ok && <p className="mt-2 text-sm text-red-600">{t("cartPage.fixFirst")}</p>}
        {ok ? (
          <Button asChild size="lg" className="mt-4 w-full">
            <Link href={`/shop/${slug}/checkout`}>{t("cartPage.checkout")}</Link>
          </Button>
        ) : (
          <Button size="lg" className="mt-4 w-full" disabled>
            {t("cartPage.checkout")}
          </Button>
        )}
        <Link href={`/shop/${slug}`} className="mt-3 block text-center text-sm text-stone-600 hover:underline">
          {t("cartPage.continueShopping")}
        </Link>
      </aside>
    </div>
  );
}
