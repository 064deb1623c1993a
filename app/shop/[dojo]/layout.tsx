import Link from "next/link";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { translator } from "@/lib/i18n/messages";
import { CartLink } from "./cart-link";
import { LanguagePicker } from "./language-picker";
import { loadShop } from "./load-shop";
import { shopLocale } from "./shop-locale";

export async function generateMetadata({ params }: { params: Promise<{ dojo: string }> }) {
  const { dojo } = await params;
  const shop = await loadShop(dojo);
  return { title: shop.settings.title || translator(await shopLocale(shop.dojo), "shop")("title", { dojo: shop.dojo.name }) };
}

export default async function ShopLayout({ children, params }: { children: React.ReactNode; params: Promise<{ dojo: string }> }) {
  const { dojo: slug } = await params;
  const shop = await loadShop(slug);
  const locale = await shopLocale(shop.dojo);
  return (
    <IntlProvider locale={locale} namespaces={["shop"]}>
      <div lang={locale} className="flex min-h-dvh flex-col bg-stone-50">
        <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/90 backdrop-blur">
          <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-3 px-4">
            <Link href={`/shop/${slug}`} className="min-w-0 truncate text-lg font-semibold text-stone-900">
              {shop.settings.title || shop.dojo.name}
            </Link>
            <div className="flex shrink-0 items-center gap-2">
              <LanguagePicker />
              <CartLink slug={slug} />
            </div>
          </div>
        </header>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">{children}</main>
        <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500">{shop.dojo.name}</footer>
      </div>
    </IntlProvider>
  );
}
