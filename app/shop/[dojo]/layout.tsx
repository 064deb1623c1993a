import Link from "next/link";
import { CartLink } from "./cart-link";
import { loadShop } from "./load-shop";

export async function generateMetadata({ params }: { params: Promise<{ dojo: string }> }) {
  const { dojo } = await params;
  const shop = await loadShop(dojo);
  return { title: shop.settings.title || `${shop.dojo.name} shop` };
}

export default async function ShopLayout({ children, params }: { children: React.ReactNode; params: Promise<{ dojo: string }> }) {
  const { dojo: slug } = await params;
  const shop = await loadShop(slug);
  return (
    <div className="flex min-h-dvh flex-col bg-stone-50">
      <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4">
          <Link href={`/shop/${slug}`} className="min-w-0 truncate text-lg font-semibold text-stone-900">
            {shop.settings.title || shop.dojo.name}
          </Link>
          <CartLink slug={slug} />
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">{children}</main>
      <footer className="border-t border-stone-200 py-6 text-center text-xs text-stone-500">{shop.dojo.name}</footer>
    </div>
  );
}
